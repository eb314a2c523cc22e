import RewardsContract

/// Which reviews the Review queue lists (`reviewsWindow`): open first, then escalated, then approved.
public struct ReviewFilter: Sendable, Hashable {
    /// Empty means every status.
    public var statuses: [ReviewStatus]
    /// Matches the review's id, subject, member id or member name (case-insensitive substring).
    public var text: String
    public init(statuses: [ReviewStatus] = [], text: String = "") {
        self.statuses = statuses
        self.text = text
    }
}

/// A review as the queue lists it: with its member's name, read in the same query, and what
/// the mirror knows that says what deciding it will do (the member's balance now, the state of
/// a payout review's redemption, whether the reversal is already in the member's ledger).
public struct ReviewRow: Sendable, Hashable {
    public var review: Review
    public var memberName: String?
    public var member: MemberStanding?
    /// A payout review's redemption, as the mirror has it.
    public var subjectStatus: RedemptionStatus?
    /// The member's ledger in the mirror already holds a reversal of the subject.
    public var reversalPosted: Bool

    public init(review: Review, memberName: String?, member: MemberStanding? = nil, subjectStatus: RedemptionStatus? = nil,
                reversalPosted: Bool = false) {
        self.review = review; self.memberName = memberName; self.member = member
        self.subjectStatus = subjectStatus; self.reversalPosted = reversalPosted
    }
}

/// What a decision needs to know about a member: the balance now, and whether payout details
/// are on file.
public struct MemberStanding: Sendable, Hashable {
    public var pointsAvailable: Int
    public var payoutReady: Bool
    public init(pointsAvailable: Int, payoutReady: Bool) { self.pointsAvailable = pointsAvailable; self.payoutReady = payoutReady }
}
