import Foundation
import GRDB
import RewardsContract

/// What a club's systems know about their own members and redemptions, read in-process: the
/// traffic generator (`SandboxTraffic`) uses it to choose whom its next call is about. Reads
/// only, and every query stays here; every change goes over HTTP.
package struct TrafficPicks: Sendable {
    let store: SandboxStore

    /// The club's currency, the one its shop settles in.
    package var currency: String { store.club.currency }

    package func member(using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: "deleted = 0", prefix: "mem_", using: &rng)
    }

    /// A member with points left to take back.
    package func memberWithPoints(using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: "deleted = 0 AND json_extract(json, '$.pointsAvailable') > 0",
                         prefix: "mem_", using: &rng)
    }

    /// A member that can redeem `atLeast` points and has payout details.
    package func payableMember(atLeast points: Int, using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: """
            deleted = 0 AND json_extract(json, '$.payoutReady') = 1 AND json_extract(json, '$.pointsAvailable') >= ?
            """, arguments: [points.databaseValue], prefix: "mem_", using: &rng)
    }

    /// A member with `atLeast` points but no payout details on file.
    package func unpayableMember(atLeast points: Int, using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: """
            deleted = 0 AND json_extract(json, '$.payoutReady') = 0 AND json_extract(json, '$.pointsAvailable') >= ?
            """, arguments: [points.databaseValue], prefix: "mem_", using: &rng)
    }

    /// A redemption in one of the statuses; with `unreviewed`, none whose payout review waits.
    package func redemption(statuses: [RedemptionStatus], unreviewed: Bool = false, using rng: inout SeededGenerator)
        async throws -> Redemption? {
        let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
        var condition = "status IN (\(marks))"
        if unreviewed {
            condition += """
                 AND NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.memberId = redemptions.memberId
                    AND reviews.status IN ('open', 'escalated') AND json_extract(reviews.json, '$.subjectRef') = redemptions.id)
                """
        }
        return try await object(Redemption.self, where: condition, arguments: statuses.map(\.rawValue.databaseValue),
                                prefix: "red_", using: &rng)
    }

    package func review(status: ReviewStatus, using rng: inout SeededGenerator) async throws -> Review? {
        try await object(Review.self, where: "status = ?", arguments: [status.rawValue.databaseValue], prefix: "rev_",
                         using: &rng)
    }

    /// The `externalTransactionId` of an earn of the member that could still be reversed (not
    /// reversed, inside the window), whose points are more (`spent`) or not more than the
    /// member has left.
    package func reversibleEarn(of member: Member, spent: Bool, windowDays: Int) async throws -> String? {
        let since = Microseconds.of(Date()) - Int64(windowDays) * 86_400 * 1_000_000
        return try await store.queue.read { db in
            let ledger = try EarnRecords.entries(db, memberId: member.id)
            let id = ledger.first { entry in
                guard entry.kind == .earn, let id = entry.externalTransactionId,
                      Microseconds.of(entry.createdAt) > since, !EarnRecords.isReversed(id, in: ledger) else { return false }
                return spent ? entry.points > member.pointsAvailable : entry.points <= member.pointsAvailable
            }?.externalTransactionId
            return try id.flatMap { try EarnRecords.find(db, externalTransactionId: $0)?.externalTransactionId }
        }
    }

    /// The `externalTransactionId` of an unreversed earn older than the reversal window, of a
    /// member that is not deleted.
    package func expiredEarn(windowDays: Int, using rng: inout SeededGenerator) async throws -> String? {
        let before = Microseconds.of(Date()) - Int64(windowDays) * 86_400 * 1_000_000
        for _ in 0..<8 {
            guard let member = try await member(using: &rng) else { return nil }
            let found = try await store.queue.read { db -> String? in
                let ledger = try EarnRecords.entries(db, memberId: member.id)
                let id = ledger.first { entry in
                    guard entry.kind == .earn, let id = entry.externalTransactionId else { return false }
                    return Microseconds.of(entry.createdAt) < before && !EarnRecords.isReversed(id, in: ledger)
                }?.externalTransactionId
                return try id.flatMap { try EarnRecords.find(db, externalTransactionId: $0)?.externalTransactionId }
            }
            if let found { return found }
        }
        return nil
    }

    package func settings() async throws -> ClubSettings {
        try await store.queue.read { db in try MetaValues.clubSettings(db) }
    }

    /// A random object matching the condition: the first id at or after a random one, wrapping.
    private func object<T: StoredObject>(_ type: T.Type, where condition: String, arguments: [DatabaseValue] = [],
                                         prefix: String, using rng: inout SeededGenerator) async throws -> T? {
        let table = T.table.name
        let start = prefix + Mix64.base36(rng.next(), width: 13)
        let json = try await store.queue.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE id >= ? AND (\(condition)) ORDER BY id LIMIT 1",
                                arguments: StatementArguments([start.databaseValue] + arguments))
                ?? String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE \(condition) ORDER BY id LIMIT 1",
                                   arguments: StatementArguments(arguments))
        }
        return try json.map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
