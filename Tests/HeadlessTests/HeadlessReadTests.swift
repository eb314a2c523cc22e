import Foundation
import RewardsContract
import Sandbox
import Testing

/// reviews, redemptions, errors and member against a sandbox, through the real binary: the
/// `--json`/`--jsonl` output parsed back equals the sandbox's own objects.
@Suite(.serialized) struct HeadlessReadTests {
    static func queueOrder(_ a: Review, _ b: Review) -> Bool {
        func rank(_ review: Review) -> Int {
            switch review.status {
            case .open: return 0
            case .escalated: return 1
            case .approved: return 3
            default: return 2
            }
        }
        return (rank(a), a.createdAt.date ?? .distantPast, a.id) < (rank(b), b.createdAt.date ?? .distantPast, b.id)
    }

    static func newestFirst(_ a: RequestLog, _ b: RequestLog) -> Bool {
        (a.at.date ?? .distantPast, a.id) > (b.at.date ?? .distantPast, b.id)
    }

    @Test func reviewsAreTheSandboxsReviewsInQueueOrder() async throws {
        let fixture = try await HeadlessFixture.start()
        defer { Task { await fixture.stop() } }
        let all = try await fixture.run(["reviews", "--json", "--limit", "10000"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.contains("Synced (the mirror was never synced)"), "\(all.stderr)")
        let sandbox = try await fixture.server.snapshot().reviews.sorted(by: Self.queueOrder)
        let document = try all.decoded(ListDocument<Review>.self)
        #expect(document.data == sandbox)
        #expect(!document.hasMore)

        let open = sandbox.filter { $0.status == .open }
        try #require(open.count > 3)
        let firstOpen = try await fixture.run(["reviews", "--status", "open", "--jsonl", "--limit", "3"])
        #expect(firstOpen.status == 0)
        #expect(try firstOpen.lines.map { try JSONDecoder().decode(Review.self, from: Data($0.utf8)) } == Array(open.prefix(3)))
        #expect(firstOpen.stderr.contains("Not syncing: the mirror was synced"), "\(firstOpen.stderr)")
        #expect(firstOpen.stderr.contains("3 reviews shown; more match"), "\(firstOpen.stderr)")

        let memberId = try #require(sandbox.first?.memberId)
        let mine = try await fixture.run(["reviews", "--member", memberId, "--json", "--no-sync"])
        #expect(try mine.decoded(ListDocument<Review>.self).data == sandbox.filter { $0.memberId == memberId })
        #expect(mine.stderr.contains("Not syncing (--no-sync)"))

        let escalated = sandbox.filter { $0.status == .escalated }
        let table = try await fixture.run(["reviews", "--status", "escalated", "--status", "approved"])
        let rows = table.lines.dropFirst()
        #expect(table.lines.first?.hasPrefix("ID  ") == true)
        #expect(rows.map { String($0.prefix { $0 != " " }) }
                == sandbox.filter { $0.status == .escalated || $0.status == .approved }.map(\.id))
        #expect(rows.prefix(escalated.count).allSatisfy { $0.contains(" escalated ") })

        let wrong = try await fixture.run(["reviews", "--status", "opened"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--status must be one of open, escalated, approved"))
    }

    @Test func redemptionsArePendingUnlessAskedOtherwise() async throws {
        let fixture = try await HeadlessFixture.start(seed: 32)
        defer { Task { await fixture.stop() } }
        let sandbox = try await fixture.server.snapshot().redemptions
            .sorted { ($0.createdAt.date ?? .distantPast, $0.id) < ($1.createdAt.date ?? .distantPast, $1.id) }
        let pending = try await fixture.run(["redemptions", "--json", "--limit", "10000"])
        #expect(pending.status == 0, "\(pending.stderr)")
        #expect(try pending.decoded(ListDocument<Redemption>.self).data == sandbox.filter(\.status.isPending))
        let paid = try await fixture.run(["redemptions", "--status", "paid", "--jsonl", "--limit", "10000"])
        #expect(try paid.lines.map { try JSONDecoder().decode(Redemption.self, from: Data($0.utf8)) }
                == sandbox.filter { $0.status == .paid })
        let all = try await fixture.run(["redemptions", "--status", "all", "--limit", "10000"])
        #expect(all.lines.count == sandbox.count + 1)
        #expect(try await fixture.run(["redemptions", "--status", "lost"]).status == 2)
    }

    @Test func errorsAreFoundByPartOfARequestIdCodeTimeAndPath() async throws {
        let fixture = try await HeadlessFixture.start(members: 400, seed: 33)
        defer { Task { await fixture.stop() } }
        let logs = try await fixture.server.snapshot().requestLogs.sorted(by: Self.newestFirst)
        try #require(logs.count > 20)
        let all = try await fixture.run(["errors", "--json", "--limit", "10000"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try all.decoded(ListDocument<RequestLog>.self).data == logs)

        let target = logs[logs.count / 2]
        let fragment = String(target.requestId.dropFirst(6).prefix(7))
        let byRequest = try await fixture.run(["errors", "--request-id", fragment, "--json"])
        let found = try byRequest.decoded(ListDocument<RequestLog>.self).data
        #expect(found.contains(target))
        #expect(Set(found) == Set(logs.filter { $0.requestId.lowercased().contains(fragment.lowercased()) }))

        let code = target.code.rawValue
        let byCode = try await fixture.run(["errors", "--code", code, "--jsonl", "--limit", "10000"])
        #expect(try byCode.lines.map { try JSONDecoder().decode(RequestLog.self, from: Data($0.utf8)) }
                == logs.filter { $0.code.rawValue == code })

        let since = try #require(logs[logs.count / 3].at.date)
        let recent = try await fixture.run(["errors", "--since", RFC3339.format(since, fractionalDigits: 6), "--path", "redemptions",
                                            "--json", "--limit", "10000"])
        #expect(Set(try recent.decoded(ListDocument<RequestLog>.self).data)
                == Set(logs.filter { ($0.at.date ?? .distantPast) >= since && $0.path.contains("redemptions") }))

        // The table names the member a failed call was about.
        let named = try #require(logs.first { $0.code == .cardholderNotFound && $0.details?["memberId"] != nil })
        let memberId = try #require(named.details?["memberId"]?.stringValue)
        let table = try await fixture.run(["errors", "--request-id", named.requestId])
        #expect(table.lines.count == 2, "\(table.text)")
        #expect(table.lines.last?.contains(named.requestId) == true && table.lines.last?.contains(memberId) == true)
        #expect(table.lines.first?.contains("OBJECT") == true)

        let bySearch = try await fixture.run(["errors", "--search", memberId, "--json"])
        #expect(try bySearch.decoded(ListDocument<RequestLog>.self).data.contains(named))
        #expect(try await fixture.run(["errors", "--since", "yesterday"]).status == 2)
    }

    @Test func aMemberIsFoundByIdEmailOrExternalRefWithItsLedger() async throws {
        let fixture = try await HeadlessFixture.start(seed: 34)
        defer { Task { await fixture.stop() } }
        let members = try await fixture.server.snapshot().members
        let member = try #require(members.first { candidate in
            candidate.deletedAt == nil && candidate.pointsLifetime > 0
                && members.filter { $0.email.lowercased() == candidate.email.lowercased() }.count == 1
        })
        for query in [member.id, member.email, member.email.uppercased(), member.externalRef] {
            let run = try await fixture.run(["member", query, "--json"])
            #expect(run.status == 0, "\(query): \(run.stderr)")
            #expect(try run.decoded(Member.self) == member, "\(query)")
        }
        let missing = try await fixture.run(["member", "nobody-\(UUID().uuidString)@example.com"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("No member nobody-"))

        struct WithLedger: Decodable { var member: Member; var ledger: [LedgerEntry]; var hasMore: Bool }
        let ledger = try await fixture.run(["member", member.id, "--ledger", "--json"])
        let document = try ledger.decoded(WithLedger.self)
        let sandboxLedger = try await fixture.server.ledger(memberId: member.id)
        #expect(document.member == member)
        #expect(Set(document.ledger) == Set(sandboxLedger))
        #expect(document.ledger.map(\.createdAt) == document.ledger.map(\.createdAt).sorted(by: >))
        #expect(!document.hasMore)
        // The table ends with the balance after each entry; the newest is today's available balance.
        let table = try await fixture.run(["member", member.email, "--ledger", "--no-sync"])
        let header = try #require(table.lines.firstIndex { $0.hasPrefix("WHEN") })
        #expect(table.lines.count == header + 1 + sandboxLedger.count)
        #expect(table.lines[header + 1].contains(" \(Self.points(sandboxLedger.reduce(0) { $0 + $1.points })) "))
    }

    static func points(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSize = 3
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
