/// A club member (contract §5), `mem_...`.
public struct Member: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var clubId: String
    public var externalRef: String
    public var name: String
    public var email: String
    public var status: MemberStatus
    public var pointsAvailable: Int
    public var pointsPending: Int
    public var pointsLifetime: Int
    public var payoutReady: Bool
    public var currency: String
    public var deletedAt: Timestamp?

    public init(id: String, version: Int, createdAt: Timestamp, updatedAt: Timestamp, clubId: String,
                externalRef: String, name: String, email: String, status: MemberStatus,
                pointsAvailable: Int, pointsPending: Int, pointsLifetime: Int, payoutReady: Bool,
                currency: String, deletedAt: Timestamp? = nil) {
        self.id = id; self.version = version; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.clubId = clubId; self.externalRef = externalRef; self.name = name; self.email = email
        self.status = status; self.pointsAvailable = pointsAvailable; self.pointsPending = pointsPending
        self.pointsLifetime = pointsLifetime; self.payoutReady = payoutReady; self.currency = currency
        self.deletedAt = deletedAt
    }

    // Written by hand so that absent values go out as `null`, as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(clubId, forKey: .clubId); try c.encode(externalRef, forKey: .externalRef)
        try c.encode(name, forKey: .name); try c.encode(email, forKey: .email)
        try c.encode(status, forKey: .status); try c.encode(pointsAvailable, forKey: .pointsAvailable)
        try c.encode(pointsPending, forKey: .pointsPending); try c.encode(pointsLifetime, forKey: .pointsLifetime)
        try c.encode(payoutReady, forKey: .payoutReady); try c.encode(currency, forKey: .currency)
        try c.encode(deletedAt, forKey: .deletedAt)
    }
}
