import ArgumentParser
import Mirror
import RewardsContract

struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "The manual review queue from the mirror: open first, then escalated, then approved; oldest first.",
        discussion: HeadlessHelp.reads)

    @Option(help: "Only this status: open, escalated or approved (repeat for several).", completion: .list(statuses))
    var status: [String] = []
    @Option(help: "Only this member's reviews (a mem_… id).") var member: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    static let statuses = ["open", "escalated", "approved"]

    func validate() throws {
        for value in status where !Self.statuses.contains(value) {
            throw ValidationError("--status must be one of \(Self.statuses.joined(separator: ", ")), not \(OutputText.inert(value))")
        }
    }

    func run() throws {
        let source = try HeadlessMirror.open(connection, freshness)
        let statuses = status.map(ReviewStatus.init(rawValue:))
        let (rows, hasMore) = try KeysetReader.read(limit: output.limit) { anchor, count in
            if let member {
                return try source.mirror.memberReviewsWindow(memberId: member, statuses: statuses, anchor: anchor, limit: count)
            }
            return try source.mirror.reviewsWindow(ReviewFilter(statuses: statuses), anchor: anchor, limit: count)
        }
        let outbox = output.format == .table ? try source.mirror.latestOutboxEntries(objectIds: rows.map(\.review.id)) : [:]
        try Output.rows(rows.map(\.review), hasMore: hasMore, format: output.format) {
            TextTable(columns: [
                .init("ID"), .init("STATUS"), .init("LVL", alignRight: true), .init("AGE", alignRight: true, dropOrder: 4),
                .init("KIND", shrinkOrder: 3, dropOrder: 2), .init("REASON", shrinkOrder: 2, dropOrder: 3),
                .init("REQUESTED", alignRight: true), .init("AVAILABLE", alignRight: true), .init("MEMBER ID", dropOrder: 1),
                .init("MEMBER", shrinkOrder: 1), .init("DECISION"),
            ], rows: rows.map { row in
                let review = row.review
                return [review.id, review.status.rawValue, String(review.escalationLevel), RowText.age(review.createdAt),
                        review.kind.rawValue, review.reasonCode, RowText.points(review.pointsRequested),
                        RowText.points(review.pointsAvailable), review.memberId, row.memberName ?? "",
                        RowText.decision(outbox[review.id], rowVersion: review.version)]
            })
        }
        ListSummary.note(rows.count, "review", hasMore: hasMore, limit: output.limit)
    }
}
