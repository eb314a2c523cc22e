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
    case windowLoaded(pane: PaneID, generation: Int, rows: PaneRows, select: SelectionHint,
                      outbox: [String: OutboxEntry], atStart: Bool = false)
    case countsLoaded(MirrorCounts)
    case errorGroupsLoaded(generation: Int, ErrorGroups)
    case sync(SyncEvent)
    case actionQueued(OutboxEntry)
    case undoFinished(withdrawn: [OutboxEntry], alreadySent: Int)
    case effectFailed(String)
    case auditLoaded([AuditEntry])
    case conflictExplained(objectId: String, text: String)
    case memberDetailLoaded(memberId: String, detail: MemberDetail?)
    case ledgerFetched(memberId: String, error: String?)
}
