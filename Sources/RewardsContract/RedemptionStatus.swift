/// A redemption's `status` (contract §5).
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
