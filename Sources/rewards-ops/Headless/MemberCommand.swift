import ArgumentParser
import Console
import Foundation
import Mirror
import RewardsContract

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "One member from the mirror, by id, e-mail or external ref; with --ledger, the ledger and the balance after each entry.",
        discussion: """
            --json prints the member object, or {"member": …, "ledger": [entries], "hasMore": …} with --ledger; \
            --jsonl one line per member, or per ledger entry with --ledger. When several members share an \
            e-mail they are all listed ({"data": […]} in JSON) and the exit status is 0. The ledger is not in \
            the change feed: it is fetched from the platform unless --no-sync, else read as last fetched.

            \(HeadlessHelp.reads)
            """)

    @Argument(help: "A member id (mem_…), an e-mail address or an external ref.") var query: String
    @Flag(help: "The ledger too, newest first, with the balance after each entry (--limit entries).") var ledger = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    func validate() throws {
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty, query.count <= 500 else {
            throw ValidationError("Give a member id, e-mail or external ref (at most 500 characters)")
        }
    }

    func run() throws {
        let source = try HeadlessMirror.open(connection, freshness)
        let members = try source.mirror.membersMatching(exactly: query, limit: 21)
        guard let member = members.first else {
            throw HeadlessExit.notFound("No member \(query) in the mirror (looked for it as an id, an e-mail and an external ref).")
        }
        if members.count > 1 {
            try listMatches(Array(members.prefix(20)), hasMore: members.count > 20)
            return
        }
        guard ledger else {
            switch output.format {
            case .table: Output.lines(FieldList(fields: Self.fields(member)).lines(width: Output.terminalWidth))
            case .json, .jsonl: Output.lines([try Output.json(member)])
            }
            return
        }
        let (entries, complete) = try readLedger(member, source)
        switch output.format {
        case .table:
            var detail = MemberDetailState(memberId: member.id)
            detail.detail = MemberDetail(member: member, ledger: entries, redemptions: [], reviews: [])
            let rows = detail.ledgerWithBalance(limit: complete ? entries.count + 1 : entries.count)
            Output.lines(FieldList(fields: Self.fields(member)).lines(width: Output.terminalWidth) + [""])
            if !rows.isEmpty {
                Output.lines(TextTable(columns: [
                    .init("WHEN"), .init("KIND"), .init("POINTS", alignRight: true), .init("BALANCE", alignRight: true),
                    .init("REFERENCE", shrinkOrder: 1), .init("ID", dropOrder: 1),
                ], rows: rows.map { row in
                    [RowText.time(row.entry.createdAt), row.entry.kind.rawValue, RowText.points(row.entry.points),
                     RowText.points(row.balance), row.entry.externalTransactionId ?? row.entry.redemptionId ?? "", row.entry.id]
                }).lines(width: Output.terminalWidth))
            }
        case .json:
            let items = try entries.map { "  " + (try Output.json($0)) }
            Output.lines(["{\"member\": \(try Output.json(member)),", "\"ledger\": [" + (items.isEmpty ? "]," : "")]
                         + (items.isEmpty ? [] : [items.joined(separator: ",\n"), "],"]) + ["\"hasMore\": \(!complete)}"])
        case .jsonl:
            Output.lines(try entries.map { try Output.json($0) })
        }
        if entries.isEmpty { Output.note("No ledger entries for \(member.id).") }
        if !complete { Output.note("The newest \(entries.count) ledger entries shown (--limit for more).") }
    }

    /// The ledger, fetched first unless `--no-sync` (or no connection); whether it is whole.
    private func readLedger(_ member: Member, _ source: HeadlessMirror) throws -> (entries: [LedgerEntry], complete: Bool) {
        if freshness.sync != false, let engine = source.engine {
            do {
                let limit = output.limit + 1
                _ = try blockingAwait { try await engine.fetchLedger(memberId: member.id, limit: limit) }
            } catch {
                Output.note("Could not fetch the ledger (\(error)): showing it as the mirror last had it.")
            }
        } else {
            Output.note("The ledger as the mirror last fetched it (it is not in the change feed).")
        }
        let entries = try source.mirror.ledger(memberId: member.id, limit: output.limit + 1)
        return (Array(entries.prefix(output.limit)), entries.count <= output.limit)
    }

    private func listMatches(_ members: [Member], hasMore: Bool) throws {
        Output.note("\(members.count)\(hasMore ? "+" : "") members match \(query): ask for one by its id.")
        try Output.rows(members, hasMore: hasMore, format: output.format) {
            TextTable(columns: [.init("ID"), .init("STATUS"), .init("AVAILABLE", alignRight: true),
                                .init("EXTERNAL REF", shrinkOrder: 2), .init("EMAIL", shrinkOrder: 3), .init("NAME", shrinkOrder: 1)],
                      rows: members.map { [$0.id, $0.status.rawValue, RowText.points($0.pointsAvailable), $0.externalRef, $0.email, $0.name] })
        }
    }

    static func fields(_ member: Member) -> [(label: String, value: String)] {
        var fields: [(String, String)] = [
            ("ID", member.id), ("NAME", member.name), ("EMAIL", member.email), ("EXTERNAL REF", member.externalRef),
            ("STATUS", member.status.rawValue),
            ("POINTS", "\(RowText.points(member.pointsAvailable)) available, \(RowText.points(member.pointsPending)) pending, "
                + "\(RowText.points(member.pointsLifetime)) lifetime"),
            ("PAYOUT READY", member.payoutReady ? "yes" : "no"), ("CURRENCY", member.currency),
            ("CREATED", RowText.time(member.createdAt)), ("UPDATED", RowText.time(member.updatedAt)),
            ("VERSION", String(member.version)),
        ]
        if let deleted = member.deletedAt { fields.append(("DELETED", RowText.time(deleted))) }
        return fields.map { (label: $0.0, value: $0.1) }
    }
}
