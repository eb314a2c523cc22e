import RewardsContract

/// Which redemptions the Redemptions pane lists (`redemptionsWindow`).
public struct RedemptionFilter: Sendable, Hashable {
    public var pendingOnly: Bool
    /// One status only (overrides `pendingOnly`).
    public var status: RedemptionStatus?
    /// Matches the redemption's id, its member's id or name (case-insensitive substring).
    public var text: String
    public init(pendingOnly: Bool = true, status: RedemptionStatus? = nil, text: String = "") {
        self.pendingOnly = pendingOnly
        self.status = status
        self.text = text
    }
}

/// A redemption as the pane lists it: with its member's name, read in the same query.
public struct RedemptionRow: Sendable, Hashable {
    public var redemption: Redemption
    public var memberName: String?
    public init(redemption: Redemption, memberName: String?) { self.redemption = redemption; self.memberName = memberName }
}
