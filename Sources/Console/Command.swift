import Foundation
import Mirror
import RewardsContract

/// An effect the update function asks for. `EffectRunner.run` carries each out (what must
/// happen on the UI thread through `TerminalEffects`), and its result comes back as a message.
public enum Command: Sendable, Hashable {
    case loadWindow(PaneQuery, request: WindowRequest, limit: Int, select: SelectionHint, generation: Int)
    case loadCounts
    /// The Error log's summary: one row per code, hourly buckets ending at `now`.
    case loadErrorGroups(ErrorLogFilter, now: Date, limit: Int, generation: Int)
    /// Read what an item's detail view shows.
    case loadDetail(DetailQuery)
    case enqueue(PendingAction, delaySeconds: Double)
    /// Withdraw these queued decisions if they have not been sent yet.
    case cancelQueued([Int64])
    case syncNow
    /// Put text on the terminal's clipboard (OSC 52): works over SSH, written by the UI thread.
    case copyToClipboard(String)
    /// Load a theme and repaint with it (`:theme NAME`).
    case switchTheme(String)
    /// Check profile NAME and open its session (`:profile NAME`); this one ends once it is ready.
    case switchProfile(String)
    case loadAudit
    /// After a refused decision: read the object again once the feed has it, and say who
    /// decided it.
    case explainConflict(OutboxEntry)
    /// Fetch a member's ledger from the platform into the mirror (it is not in the feed).
    case fetchLedger(memberId: String)
    /// End the undo windows of this key's queued decisions and send them now (quitting).
    case sendOutboxNow
    /// Count this key's decisions not yet answered.
    case checkOutbox
    case quit
}
