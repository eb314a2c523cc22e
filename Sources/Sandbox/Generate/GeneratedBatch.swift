import RewardsContract

/// Objects generated for a range of members, ready to be written in one transaction.
struct GeneratedBatch: Sendable {
    var members: [Member] = []
    var ledger: [LedgerEntry] = []
    var redemptions: [Redemption] = []
    var reviews: [Review] = []
    var requestLogs: [RequestLog] = []
}
