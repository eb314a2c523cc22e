import GRDB
import RewardsContract

/// A hard purge of a member, as for a data erasure request (contract §7, §11): its redemptions
/// and reviews go first, each with an `op: delete` feed entry, then its ledger and the records
/// kept about its transactions, then the member itself. Cash held for its unpaid redemptions
/// goes back to the club's capacity, since those payouts will not happen.
enum Erasure {
    struct Receipt: Codable, Sendable {
        let id: String
        let deleted: Bool
    }

    /// false when there is no such member.
    @discardableResult
    static func purgeMember(_ id: String, in transaction: StoreTransaction) throws -> Bool {
        guard try Int.fetchOne(transaction.db, sql: "SELECT 1 FROM members WHERE id = ?", arguments: [id]) != nil else {
            return false
        }
        let db = transaction.db
        for redemptionId in try String.fetchAll(db, sql: "SELECT id FROM redemptions WHERE memberId = ? ORDER BY id",
                                                arguments: [id]) {
            try CashHolds.release(redemptionId, in: transaction)
            try transaction.purge(Redemption.self, id: redemptionId)
        }
        for reviewId in try String.fetchAll(db, sql: "SELECT id FROM reviews WHERE memberId = ? ORDER BY id",
                                            arguments: [id]) {
            try transaction.purge(Review.self, id: reviewId)
        }
        try db.execute(sql: "DELETE FROM ledger WHERE memberId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM earns WHERE memberId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM external_requests WHERE memberId = ?", arguments: [id])
        try transaction.purge(Member.self, id: id)
        return true
    }

    /// `POST /v1/members/{id}/erase`.
    static func apply(memberId: String, in transaction: StoreTransaction) throws -> APIReply {
        try IntegrationChecks.club(transaction)
        guard try purgeMember(memberId, in: transaction) else {
            throw APIError(.cardholderNotFound, "No member with this id exists in the club.",
                           details: .object(["memberId": .string(memberId)]))
        }
        return try IntegrationChecks.reply(Receipt(id: memberId, deleted: true), in: transaction)
    }
}
