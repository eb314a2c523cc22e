public struct MemberStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let active: MemberStatus = "active"
    public static let suspended: MemberStatus = "suspended"
    public static let deleted: MemberStatus = "deleted"
}

public struct RedemptionStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let pendingApproval: RedemptionStatus = "pending_approval"
    public static let reserved: RedemptionStatus = "reserved"
    public static let paid: RedemptionStatus = "paid"
    public static let payoutFailed: RedemptionStatus = "payout_failed"
    public static let escalated: RedemptionStatus = "escalated"
    public static let rejected: RedemptionStatus = "rejected"
    public static let cancelled: RedemptionStatus = "cancelled"

    /// What the console calls "pending" (contract §5).
    public static let pending: [RedemptionStatus] = [.pendingApproval, .reserved, .payoutFailed, .escalated]
    public var isPending: Bool { Self.pending.contains(self) }
}

public struct ReviewKind: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let reversal: ReviewKind = "reversal"
    public static let payout: ReviewKind = "payout"
}

public struct ReviewStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let open: ReviewStatus = "open"
    public static let escalated: ReviewStatus = "escalated"
    public static let approved: ReviewStatus = "approved"
}

public struct LedgerKind: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let earn: LedgerKind = "earn"
    public static let reversal: LedgerKind = "reversal"
    public static let redemption: LedgerKind = "redemption"
    public static let redemptionRelease: LedgerKind = "redemption_release"
    public static let expiry: LedgerKind = "expiry"
    public static let adjustment: LedgerKind = "adjustment"
}

public struct Environment: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let test: Environment = "test"
    public static let live: Environment = "live"
}

public struct Role: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ops: Role = "ops"
    public static let support: Role = "support"
    /// Only `ops` may decide; an unknown role is treated as read only.
    public var mayDecide: Bool { self == .ops }
}
