import Foundation
import Mirror
import SyncEngine
import Terminal

/// Everything that can change the state: keys, sizes, ticks and the results of effects.
public enum Message: Sendable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    case tick(Date)
    /// `atStart`: no row comes before the window's first one, so rows that arrive above it
    /// (a new review, a new error) belong on screen at the next refresh.
    case windowLoaded(pane: PaneID, generation: Int, rows: PaneWindow, select: SelectionHint,
                      outbox: [String: OutboxEntry], atStart: Bool = false)
    case countsLoaded(MirrorCounts)
    case matchesCounted(pane: PaneID, generation: Int, MatchCount)
    case errorGroupsLoaded(generation: Int, ErrorGroups)
    case detailLoaded(DetailContent)
    case sync(SyncEvent)
    case actionQueued(OutboxEntry)
    case undoFinished(withdrawn: [OutboxEntry], alreadySent: Int)
    case effectFailed(String)
    case auditLoaded([AuditEntry])
    case conflictExplained(objectId: String, text: String)
    case ledgerFetched(memberId: String, error: String?)
    /// `Command.syncNow` ended: its round trip and result.
    case syncNowFinished(SyncNowOutcome)
    /// `:theme NAME` is on screen, or could not be (`error`).
    case themeSwitched(name: String, error: String?)
    /// The config's profiles, for `:profile` to list and complete.
    case profileChoicesLoaded(ProfileChoices)
    /// `:profile NAME` was checked and cannot run; this session goes on.
    case profileSwitchRefused(name: String, reason: String)
    /// `:profile NAME` was checked and its session opened: this one ends so that one can start.
    case profileSwitchAccepted(name: String, next: SessionParts)
    /// The first message of a session started by `:profile`: what the previous one left behind.
    case profileSwitched(from: String?, leftInOutbox: Int)
    /// This key's decisions not yet answered, counted in the mirror (while quitting).
    case outboxChecked(pending: Int)
}
