/// One line of a member's ledger (contract §5), `led_...`. Never changed once written.
public struct LedgerEntry: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var memberId: String
    public var kind: LedgerKind
    public var points: Int
    public var externalTransactionId: String?
    public var redemptionId: String?
    public var createdAt: Timestamp

    public init(id: String, memberId: String, kind: LedgerKind, points: Int, externalTransactionId: String? = nil,
                redemptionId: String? = nil, createdAt: Timestamp) {
        self.id = id; self.memberId = memberId; self.kind = kind; self.points = points
        self.externalTransactionId = externalTransactionId; self.redemptionId = redemptionId
        self.createdAt = createdAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(memberId, forKey: .memberId)
        try c.encode(kind, forKey: .kind); try c.encode(points, forKey: .points)
        try c.encode(externalTransactionId, forKey: .externalTransactionId)
        try c.encode(redemptionId, forKey: .redemptionId); try c.encode(createdAt, forKey: .createdAt)
    }
}
