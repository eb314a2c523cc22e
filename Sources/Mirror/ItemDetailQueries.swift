import GRDB
import RewardsContract

/// Everything the mirror knows about one review, for its detail view and its decisions.
public struct ReviewDetail: Sendable, Hashable {
    public var review: Review
    public var member: Member?
    /// A reversal's earn, from the member's ledger (which is fetched on demand).
    public var earn: LedgerEntry?
    /// A reversal of that earn already in the ledger.
    public var reversal: LedgerEntry?
    /// The mirror holds some of the member's ledger (else it is worth fetching).
    public var ledgerHeld: Bool
    /// A payout review's redemption.
    public var redemption: Redemption?
    /// The versions the mirror has seen, newest first.
    public var history: [ItemHistoryEntry]
    /// This mirror's own decisions on it, newest first.
    public var decisions: [AuditEntry]

    public init(review: Review, member: Member? = nil, earn: LedgerEntry? = nil, reversal: LedgerEntry? = nil,
                ledgerHeld: Bool = false, redemption: Redemption? = nil, history: [ItemHistoryEntry] = [],
                decisions: [AuditEntry] = []) {
        self.review = review; self.member = member; self.earn = earn; self.reversal = reversal
        self.ledgerHeld = ledgerHeld; self.redemption = redemption; self.history = history; self.decisions = decisions
    }
}

/// Everything the mirror knows about one redemption, for its detail view and its decisions.
public struct RedemptionDetail: Sendable, Hashable {
    public var redemption: Redemption
    public var member: Member?
    /// Payout reviews opened about it.
    public var reviews: [Review]
    /// The platform minimum, when a refusal has told the mirror.
    public var minimumMinor: Int?
    public var history: [ItemHistoryEntry]
    public var decisions: [AuditEntry]

    public init(redemption: Redemption, member: Member? = nil, reviews: [Review] = [], minimumMinor: Int? = nil,
                history: [ItemHistoryEntry] = [], decisions: [AuditEntry] = []) {
        self.redemption = redemption; self.member = member; self.reviews = reviews; self.minimumMinor = minimumMinor
        self.history = history; self.decisions = decisions
    }
}

extension MirrorStore {
    /// One review and what surrounds it, in one read transaction; nil when it is not in the mirror.
    public func reviewDetail(id: String) throws -> ReviewDetail? {
        try pool.read { db in
            guard let review = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Review.selectColumns) FROM reviews WHERE id = ?"),
                                                arguments: [id]).map(Review.init(row:)) else { return nil }
            var detail = ReviewDetail(review: review)
            detail.member = try Self.member(db, id: review.memberId)
            let ledgerColumns = LedgerEntry.columns.joined(separator: ", ")
            let entries = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ledgerColumns) FROM ledger WHERE memberId = ? AND externalTransactionId = ?
                ORDER BY createdEpoch, id LIMIT 10
                """), arguments: [review.memberId, review.subjectRef]).map(LedgerEntry.init(row:))
            detail.earn = entries.first { $0.kind == .earn }
            detail.reversal = entries.first { $0.kind == .reversal }
            detail.ledgerHeld = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM ledger WHERE memberId = ?)"),
                                                  arguments: [review.memberId]) ?? false
            if review.kind == .payout {
                detail.redemption = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Redemption.selectColumns) FROM redemptions WHERE id = ?"),
                                                     arguments: [review.subjectRef]).map(Redemption.init(row:))
            }
            detail.history = try Self.itemHistory(db, itemId: id, limit: 20)
            detail.decisions = try Self.auditEntries(db, objectId: id, limit: 20)
            return detail
        }
    }

    /// One redemption and what surrounds it, in one read transaction; nil when it is not in the mirror.
    public func redemptionDetail(id: String) throws -> RedemptionDetail? {
        try pool.read { db in
            guard let redemption = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Redemption.selectColumns) FROM redemptions WHERE id = ?"),
                                                    arguments: [id]).map(Redemption.init(row:)) else { return nil }
            var detail = RedemptionDetail(redemption: redemption)
            detail.member = try Self.member(db, id: redemption.memberId)
            // Through the member's index: a member has few reviews, the queue may have many.
            detail.reviews = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Review.selectColumns) FROM reviews WHERE memberId = ? AND subjectRef = ? AND kind = 'payout'
                ORDER BY createdEpoch DESC, id DESC LIMIT 10
                """), arguments: [redemption.memberId, id]).map(Review.init(row:))
            detail.minimumMinor = try Self.knownMinimumRedemption(db)
            detail.history = try Self.itemHistory(db, itemId: id, limit: 20)
            detail.decisions = try Self.auditEntries(db, objectId: id, limit: 20)
            return detail
        }
    }

    static func member(_ db: Database, id: String) throws -> Member? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Member.selectColumns) FROM members WHERE id = ?"), arguments: [id])
            .map(Member.init(row:))
    }
}
