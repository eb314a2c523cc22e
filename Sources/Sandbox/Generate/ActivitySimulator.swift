import Foundation
import GRDB
import RewardsContract

/// Realistic mutations for tests and the demo. Each step is one write transaction through
/// the same store functions as the HTTP actions, and adds at least one feed entry.
struct ActivitySimulator: Sendable {
    let store: SandboxStore

    enum Step: CaseIterable, Sendable {
        case newMember, memberRename, memberEarn, memberSoftDelete, newRedemption, redemptionProgress, newReview,
             newRequestLog, memberPurge
    }

    static let weights: [(Step, Int)] = [
        (.newMember, 12), (.memberRename, 8), (.memberEarn, 22), (.memberSoftDelete, 4), (.newRedemption, 12),
        (.redemptionProgress, 15), (.newReview, 6), (.newRequestLog, 15), (.memberPurge, 2),
    ]

    func run(steps: Int, seed: UInt64) async throws {
        for index in 0..<max(steps, 0) {
            try await store.write { transaction in
                var rng = SeededGenerator(seed: seed, stream: 7, index: UInt64(index))
                let step = rng.weighted(Self.weights)
                let world = World(transaction: transaction)
                // A step that finds nothing to act on creates a member instead, so every step
                // leaves a feed entry.
                if try !world.perform(step, using: &rng) { try world.perform(.newMember, using: &rng) }
            }
        }
    }
}

/// The mutations themselves, inside one transaction.
private struct World {
    let transaction: StoreTransaction
    var db: Database { transaction.db }
    var stamp: Timestamp { transaction.stamp }
    var currency: String { transaction.club.currency }

    @discardableResult
    func perform(_ step: ActivitySimulator.Step, using rng: inout SeededGenerator) throws -> Bool {
        switch step {
        case .newMember:
            let id = try transaction.nextId(.member)
            let index = UInt64(Mix64.hash(id) % 1_000_000)
            let member = Member(id: id, version: 1, createdAt: stamp, updatedAt: stamp, clubId: transaction.club.clubId,
                                externalRef: NameCatalog.externalRef(index: index, using: &rng),
                                name: NameCatalog.name(index: index, using: &rng),
                                email: NameCatalog.email(index: index, memberSuffix: String(id.suffix(6)), using: &rng),
                                status: .active, pointsAvailable: 0, pointsPending: 0, pointsLifetime: 0,
                                payoutReady: rng.chance(0.7), currency: currency)
            try transaction.insert(member)
        case .memberRename:
            guard var member = try pick(Member.self, where: "deleted = 0", using: &rng) else { return false }
            if rng.chance(0.5) {
                member.name = NameCatalog.name(index: rng.next() % 1_000_000, using: &rng)
            } else {
                member.email = NameCatalog.email(index: rng.next() % 1000, memberSuffix: String(member.id.suffix(6)),
                                                 using: &rng)
            }
            try transaction.save(&member)
        case .memberEarn:
            guard var member = try pick(Member.self, where: "deleted = 0", using: &rng) else { return false }
            let points = Int.random(in: 10...3000, using: &rng)
            let transactionId = try transaction.nextId(.transaction)
            let entry = try transaction.post(.earn, points: points, to: &member, externalTransactionId: transactionId)
            // Recorded as a settled transaction would be, so the club can reverse it later.
            try EarnRecords.insert(db, EarnRecord(externalTransactionId: transactionId, memberId: member.id,
                                                  points: points, amountMinor: points * 10, currency: currency,
                                                  reversed: false, createdAtMicros: Microseconds.of(transaction.now),
                                                  ledgerId: entry.id))
        case .memberSoftDelete:
            guard var member = try pick(Member.self, where: "deleted = 0", using: &rng) else { return false }
            member.status = .deleted
            member.deletedAt = stamp
            try transaction.save(&member)
        case .newRedemption:
            guard var member = try pick(Member.self, where: """
                deleted = 0 AND json_extract(json, '$.pointsAvailable') >= 100
                """, using: &rng) else { return false }
            let points = min(member.pointsAvailable, Int.random(in: 100...4000, using: &rng)) / 100 * 100
            let id = try transaction.nextId(.redemption)
            try transaction.post(.redemption, points: -points, to: &member, redemptionId: id)
            try transaction.insert(Redemption(id: id, version: 1, createdAt: stamp, updatedAt: stamp, memberId: member.id,
                                              points: points, cashValueMinor: points, currency: currency,
                                              status: rng.chance(0.6) ? .pendingApproval : .reserved, payoutAttempts: 0))
        case .redemptionProgress:
            guard var redemption = try pick(Redemption.self, where: "status IN ('reserved', 'payout_failed')",
                                            using: &rng) else { return false }
            if redemption.status == .payoutFailed {
                redemption.status = .reserved
            } else if rng.chance(0.6) {
                redemption.status = .paid
                redemption.payoutAttempts += 1
                redemption.lastError = nil
            } else {
                redemption.status = .payoutFailed
                redemption.payoutAttempts += 1
                redemption.lastError = rng.pick(InitialDataGenerator.payoutErrors)
            }
            try transaction.save(&redemption)
            if redemption.status == .payoutFailed, redemption.payoutAttempts == 3 {
                try ReviewQueue.open(kind: .payout, memberId: redemption.memberId, subjectRef: redemption.id,
                                     pointsRequested: redemption.points, amountMinor: redemption.cashValueMinor,
                                     in: transaction)
            }
        case .newReview:
            guard let member = try pick(Member.self, where: "deleted = 0", using: &rng) else { return false }
            let earn = try String.fetchOne(db, sql: """
                SELECT json_extract(json, '$.externalTransactionId') FROM ledger
                WHERE memberId = ? AND json_extract(json, '$.kind') = 'earn' LIMIT 1
                """, arguments: [member.id])
            let requested = member.pointsAvailable + Int.random(in: 1...2000, using: &rng)
            try ReviewQueue.open(kind: .reversal, memberId: member.id,
                                 subjectRef: earn ?? (try transaction.nextId(.transaction)), pointsRequested: requested,
                                 amountMinor: requested * 10, in: transaction)
        case .newRequestLog:
            let memberId = try pick(Member.self, where: "1", using: &rng)?.id ?? "mem_unknown"
            try transaction.insert(RequestLogFactory.make(id: try transaction.nextId(.requestLog), at: transaction.now,
                                                          fractionalDigits: 3, memberId: memberId, using: &rng))
        case .memberPurge:
            guard let member = try pick(Member.self, where: "1", using: &rng) else { return false }
            try Erasure.purgeMember(member.id, in: transaction)
        }
        return true
    }

    /// A random row matching the condition: the first id at or after a random one, wrapping.
    private func pick<T: StoredObject>(_ type: T.Type, where condition: String, using rng: inout SeededGenerator) throws
        -> T? {
        let table = T.table.name
        let prefix = try String.fetchOne(db, sql: "SELECT substr(id, 1, 4) FROM \(table) LIMIT 1") ?? ""
        let start = prefix + Mix64.base36(rng.next(), width: 13)
        let json = try String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE id >= ? AND (\(condition)) ORDER BY id LIMIT 1",
                                       arguments: [start])
            ?? String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE \(condition) ORDER BY id LIMIT 1")
        return try json.map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
