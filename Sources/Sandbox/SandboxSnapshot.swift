import RewardsContract

/// Every current object of the sandbox, each list sorted by id.
public struct SandboxSnapshot: Sendable {
    public var members: [Member]
    public var redemptions: [Redemption]
    public var reviews: [Review]
    public var requestLogs: [RequestLog]

    public init(members: [Member], redemptions: [Redemption], reviews: [Review], requestLogs: [RequestLog]) {
        self.members = members
        self.redemptions = redemptions
        self.reviews = reviews
        self.requestLogs = requestLogs
    }
}
