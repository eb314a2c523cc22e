import Foundation
import Mirror
import SyncEngine
import Terminal

/// Everything that can change the state: keys, sizes, ticks and the results of effects.
public enum Message: Sendable {
    case key(Key)
    case resize(columns: Int, rows: Int)
    case tick(Date)
    case windowLoaded(pane: PaneID, generation: Int, rows: PaneRows, select: SelectionHint,
                      outbox: [String: OutboxEntry])
    case countsLoaded(MirrorCounts)
    case sync(SyncEvent)
    case actionQueued(OutboxEntry)
    case effectFailed(String)
}
