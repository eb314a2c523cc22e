/// How many rows each pane has, for the status line and the pane titles (`counts()`).
public struct MirrorCounts: Sendable, Hashable {
    public var members = 0
    public var pendingRedemptions = 0
    public var openReviews = 0
    public var escalatedReviews = 0
    public var requestLogs = 0
    public var outboxPending = 0
    public init() {}
}
