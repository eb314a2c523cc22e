/// The last payout error of a redemption.
public struct RedemptionError: Codable, Hashable, Sendable {
    public var code: ErrorCode
    public var message: String
    public init(code: ErrorCode, message: String) { self.code = code; self.message = message }
}

/// A redemption (contract §5), `red_...`.
public struct Redemption: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var memberId: String
    public var points: Int
    public var cashValueMinor: Int
    public var currency: String
    public var status: RedemptionStatus
    public var payoutAttempts: Int
    public var lastError: RedemptionError?
    /// Who took the last approve or escalate, and when (§5); nil before any action, and from
    /// servers older than these fields.
    public var lastActionBy: String?
    public var lastActionAt: Timestamp?

    public init(id: String, version: Int, createdAt: Timestamp, updatedAt: Timestamp, memberId: String,
                points: Int, cashValueMinor: Int, currency: String, status: RedemptionStatus,
                payoutAttempts: Int, lastError: RedemptionError? = nil, lastActionBy: String? = nil,
                lastActionAt: Timestamp? = nil) {
        self.id = id; self.version = version; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.memberId = memberId; self.points = points; self.cashValueMinor = cashValueMinor
        self.currency = currency; self.status = status; self.payoutAttempts = payoutAttempts
        self.lastError = lastError; self.lastActionBy = lastActionBy; self.lastActionAt = lastActionAt
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(memberId, forKey: .memberId); try c.encode(points, forKey: .points)
        try c.encode(cashValueMinor, forKey: .cashValueMinor); try c.encode(currency, forKey: .currency)
        try c.encode(status, forKey: .status); try c.encode(payoutAttempts, forKey: .payoutAttempts)
        try c.encode(lastError, forKey: .lastError)
        try c.encode(lastActionBy, forKey: .lastActionBy); try c.encode(lastActionAt, forKey: .lastActionAt)
    }
}
