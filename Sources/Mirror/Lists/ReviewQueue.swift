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

/// A review as the queue lists it: with its member's name, read in the same query.
public struct ReviewRow: Sendable, Hashable {
    public var review: Review
    public var memberName: String?
    public init(review: Review, memberName: String?) { self.review = review; self.memberName = memberName }
}
