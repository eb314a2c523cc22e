import ArgumentParser
import Mirror
import RewardsContract

struct RedemptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redemptions",
        abstract: "Redemptions from the mirror, oldest first: the pending ones unless --status says otherwise.",
        discussion: HeadlessHelp.reads)

    @Option(help: """
        pending (pending_approval, reserved, payout_failed, escalated; the default), all, or one status: \
        pending_approval, reserved, paid, payout_failed, escalated, rejected, cancelled.
        """, completion: .list(["pending", "all"] + statuses))
    var status = "pending"
    @OptionGroup var output: OutputOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    static let statuses = ["pending_approval", "reserved", "paid", "payout_failed", "escalated", "rejected", "cancelled"]

    func validate() throws {
        guard status == "pending" || status == "all" || Self.statuses.contains(status) else {
            throw ValidationError("--status must be pending, all or one of \(Self.statuses.joined(separator: ", ")), not \(OutputText.inert(status))")
        }
    }

    var filter: RedemptionFilter {
        switch status {
        case "pending": return RedemptionFilter(pendingOnly: true)
        case "all": return RedemptionFilter(pendingOnly: false)
        default: return RedemptionFilter(pendingOnly: false, status: RedemptionStatus(rawValue: status))
        }
    }

    func run() throws {
        let source = try HeadlessMirror.open(connection, freshness)
        let filter = self.filter
        let (rows, hasMore) = try KeysetReader.read(limit: output.limit) { anchor, count in
            try source.mirror.redemptionsWindow(filter, anchor: anchor, limit: count)
        }
        let outbox = output.format == .table ? try source.mirror.latestOutboxEntries(objectIds: rows.map(\.redemption.id)) : [:]
        try Output.rows(rows.map(\.redemption), hasMore: hasMore, format: output.format) {
            TextTable(columns: [
                .init("ID"), .init("STATUS"), .init("AGE", alignRight: true, dropOrder: 4), .init("POINTS", alignRight: true),
                .init("CASH", alignRight: true), .init("TRIES", alignRight: true, dropOrder: 2),
                .init("LAST ERROR", shrinkOrder: 2, dropOrder: 3), .init("MEMBER ID", dropOrder: 1),
                .init("MEMBER", shrinkOrder: 1), .init("DECISION"),
            ], rows: rows.map { row in
                let redemption = row.redemption
                return [redemption.id, redemption.status.rawValue, RowText.age(redemption.createdAt),
                        RowText.points(redemption.points), RowText.money(redemption.cashValueMinor, redemption.currency),
                        String(redemption.payoutAttempts), redemption.lastError?.code.rawValue ?? "", redemption.memberId,
                        row.memberName ?? "", RowText.decision(outbox[redemption.id], rowVersion: redemption.version)]
            })
        }
        ListSummary.note(rows.count, "redemption", hasMore: hasMore, limit: output.limit)
    }
}
