import Mirror
import RewardsContract

/// The query behind a pane's window.
public enum PaneQuery: Sendable, Hashable {
    case members(MemberFilter)
    case redemptions(RedemptionFilter)
    case reviews(ReviewFilter)
    case errors(RequestLogFilter)
}

/// An effect the update function asks for. Only `EffectRunner` carries them out, and their
/// results come back as messages.
public enum Command: Sendable, Hashable {
    case loadWindow(pane: PaneID, query: PaneQuery, request: WindowRequest, limit: Int, select: SelectionHint,
                    generation: Int)
    case loadCounts
    case enqueue(PendingAction, delaySeconds: Double)
    /// Withdraw these queued decisions if they have not been sent yet.
    case cancelQueued([Int64])
    case syncNow
    case loadMemberDetail(memberId: String)
    /// Fetch a member's ledger from the platform into the mirror (it is not in the feed).
    case fetchLedger(memberId: String)
    case quit
}
