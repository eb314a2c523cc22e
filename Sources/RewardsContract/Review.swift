/// An item of the manual review queue (contract §5), `rev_...`.
public struct Review: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var kind: ReviewKind
    public var reasonCode: String
    public var memberId: String
    public var subjectRef: String
    public var pointsRequested: Int
    public var pointsAvailable: Int
    public var amountMinor: Int
    public var currency: String
    public var status: ReviewStatus
    public var escalationLevel: Int
    public var note: String?
    public var decidedBy: String?
    public var decidedAt: Timestamp?
    /// Who took the last approve or escalate, and when (§5); nil before any action, and from
    /// servers older than these fields.
    public var lastActionBy: String?
    public var lastActionAt: Timestamp?

    public init(id: String, version: Int, createdAt: Timestamp, updatedAt: Timestamp, kind: ReviewKind,
                reasonCode: String, memberId: String, subjectRef: String, pointsRequested: Int,
                pointsAvailable: Int, amountMinor: Int, currency: String, status: ReviewStatus,
                escalationLevel: Int, note: String? = nil, decidedBy: String? = nil, decidedAt: Timestamp? = nil,
                lastActionBy: String? = nil, lastActionAt: Timestamp? = nil) {
        self.id = id; self.version = version; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.kind = kind; self.reasonCode = reasonCode; self.memberId = memberId; self.subjectRef = subjectRef
        self.pointsRequested = pointsRequested; self.pointsAvailable = pointsAvailable
        self.amountMinor = amountMinor; self.currency = currency; self.status = status
        self.escalationLevel = escalationLevel; self.note = note; self.decidedBy = decidedBy
        self.decidedAt = decidedAt; self.lastActionBy = lastActionBy; self.lastActionAt = lastActionAt
    }

    /// Points the member lacks for this review to pass on its own.
    public var shortfall: Int { max(0, pointsRequested - pointsAvailable) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(kind, forKey: .kind); try c.encode(reasonCode, forKey: .reasonCode)
        try c.encode(memberId, forKey: .memberId); try c.encode(subjectRef, forKey: .subjectRef)
        try c.encode(pointsRequested, forKey: .pointsRequested); try c.encode(pointsAvailable, forKey: .pointsAvailable)
        try c.encode(amountMinor, forKey: .amountMinor); try c.encode(currency, forKey: .currency)
        try c.encode(status, forKey: .status); try c.encode(escalationLevel, forKey: .escalationLevel)
        try c.encode(note, forKey: .note); try c.encode(decidedBy, forKey: .decidedBy)
        try c.encode(decidedAt, forKey: .decidedAt)
        try c.encode(lastActionBy, forKey: .lastActionBy); try c.encode(lastActionAt, forKey: .lastActionAt)
    }
}
