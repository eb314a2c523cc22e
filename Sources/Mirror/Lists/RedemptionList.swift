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

/// A redemption as the pane lists it: with its member's name, read in the same query, and what
/// says whether an approval will be refused (payout details, the platform minimum as seen).
public struct RedemptionRow: Sendable, Hashable {
    public var redemption: Redemption
    public var memberName: String?
    public var member: MemberStanding?
    /// The platform's minimum cash value, in minor units, when a refusal has told the mirror.
    public var minimumMinor: Int?

    public init(redemption: Redemption, memberName: String?, member: MemberStanding? = nil, minimumMinor: Int? = nil) {
        self.redemption = redemption; self.memberName = memberName; self.member = member; self.minimumMinor = minimumMinor
    }
}
