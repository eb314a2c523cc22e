import Foundation
import GRDB
import RewardsContract

/// What a club's systems know about their own members and redemptions, read in-process: the
/// traffic generator uses it to choose whom its next call is about. Reads only; every change
/// goes over HTTP.
struct TrafficPicks: Sendable {
    let store: SandboxStore

    /// A random object matching the condition: the first id at or after a random one, wrapping.
    func object<T: StoredObject>(_ type: T.Type, where condition: String = "1", arguments: [DatabaseValue] = [],
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

    func member(where condition: String = "deleted = 0", using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: condition, prefix: "mem_", using: &rng)
    }

    /// A member that can redeem `atLeast` points and has payout details.
    func payableMember(atLeast points: Int, using rng: inout SeededGenerator) async throws -> Member? {
        try await object(Member.self, where: """
            deleted = 0 AND json_extract(json, '$.payoutReady') = 1 AND json_extract(json, '$.pointsAvailable') >= ?
            """, arguments: [points.databaseValue], prefix: "mem_", using: &rng)
    }

    /// A redemption in one of the statuses; with `unreviewed`, none whose payout review waits.
    func redemption(statuses: [RedemptionStatus], unreviewed: Bool = false, using rng: inout SeededGenerator)
        async throws -> Redemption? {
        let list = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        var condition = "status IN (\(list))"
        if unreviewed {
            condition += """
                 AND NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.memberId = redemptions.memberId
                    AND reviews.status IN ('open', 'escalated') AND json_extract(reviews.json, '$.subjectRef') = redemptions.id)
                """
        }
        return try await object(Redemption.self, where: condition, prefix: "red_", using: &rng)
    }

    func review(status: ReviewStatus, using rng: inout SeededGenerator) async throws -> Review? {
        try await object(Review.self, where: "status = '\(status.rawValue)'", prefix: "rev_", using: &rng)
    }

    /// An earn of the member that could still be reversed (not reversed, inside the window),
    /// whose points are more (`spent`) or not more than the member has left.
    func reversibleEarn(of member: Member, spent: Bool, windowDays: Int) async throws -> EarnRecord? {
        let since = Microseconds.of(Date()) - Int64(windowDays) * 86_400 * 1_000_000
        let id = try await store.queue.read { db in
            let ledger = try EarnRecords.entries(db, memberId: member.id)
            return ledger.first { entry in
                guard entry.kind == .earn, let id = entry.externalTransactionId,
                      Microseconds.of(entry.createdAt) > since, !EarnRecords.isReversed(id, in: ledger) else { return false }
                return spent ? entry.points > member.pointsAvailable : entry.points <= member.pointsAvailable
            }?.externalTransactionId
        }
        return try await earn(id)
    }

    /// An unreversed earn older than the reversal window, of a member that is not deleted.
    func expiredEarn(windowDays: Int, using rng: inout SeededGenerator) async throws -> EarnRecord? {
        let before = Microseconds.of(Date()) - Int64(windowDays) * 86_400 * 1_000_000
        for _ in 0..<8 {
            guard let member = try await member(using: &rng) else { return nil }
            let id = try await store.queue.read { db in
                let ledger = try EarnRecords.entries(db, memberId: member.id)
                return ledger.first { entry in
                    guard entry.kind == .earn, let id = entry.externalTransactionId else { return false }
                    return Microseconds.of(entry.createdAt) < before && !EarnRecords.isReversed(id, in: ledger)
                }?.externalTransactionId
            }
            if let id { return try await earn(id) }
        }
        return nil
    }

    func earn(_ id: String?) async throws -> EarnRecord? {
        guard let id else { return nil }
        return try await store.queue.read { db in try EarnRecords.find(db, externalTransactionId: id) }
    }

    func settings() async throws -> ClubSettings {
        try await store.queue.read { db in try MetaValues.clubSettings(db) }
    }
}
