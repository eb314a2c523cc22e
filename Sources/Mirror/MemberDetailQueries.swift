import GRDB
import RewardsContract

/// Everything the mirror knows about one member, for the detail view. Bounded: a member
/// with thousands of redemptions shows the newest ones.
public struct MemberDetail: Sendable, Hashable {
    public var member: Member
    public var ledger: [LedgerEntry]
    public var redemptions: [Redemption]
    public var reviews: [Review]

    public init(member: Member, ledger: [LedgerEntry], redemptions: [Redemption], reviews: [Review]) {
        self.member = member; self.ledger = ledger; self.redemptions = redemptions; self.reviews = reviews
    }
}

extension MirrorStore {
    public func memberDetail(id: String, limit: Int = 200) throws -> MemberDetail? {
        guard let member = try member(id: id) else { return nil }
        let ledger = try ledger(memberId: id, limit: limit)
        return try pool.read { db in
            let redemptions = try Row.fetchAll(db, sql: """
                SELECT \(Redemption.selectColumns) FROM redemptions WHERE memberId = ?
                ORDER BY createdEpoch DESC, id DESC LIMIT ?
                """, arguments: [id, limit]).map(Redemption.init(row:))
            let reviews = try Row.fetchAll(db, sql: """
                SELECT \(Review.selectColumns) FROM reviews WHERE memberId = ?
                ORDER BY createdEpoch DESC, id DESC LIMIT ?
                """, arguments: [id, limit]).map(Review.init(row:))
            return MemberDetail(member: member, ledger: ledger, redemptions: redemptions, reviews: reviews)
        }
    }
}
