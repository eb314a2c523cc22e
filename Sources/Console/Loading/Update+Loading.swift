import Foundation
import Mirror
import SyncEngine

/// What a bootstrap's progress changes on screen (#14): each committed page of the visible
/// pane's list shows at once (the review queue is read first, so its rows are on screen long
/// before the members are in), every pane and tab knows how far its list has come, and the
/// filters' match counts on the tabs follow the rows.
extension Update {
    static func loadingProgressed(_ state: inout AppState, _ progress: SyncProgress) -> [Command] {
        state.loading.apply(progress)
        syncPaneProgress(&state)
        let visibleList = state.panes[state.pane].bootstrapList
        switch progress {
        case .list(let list):
            guard list.kind == visibleList else {
                state.countsOwed = true
                return []
            }
            return refreshSoon(&state)
        case .listFinished(let kind, _):
            guard kind == visibleList else {
                state.countsOwed = true
                return []
            }
            return refreshSoon(&state)
        case .passEnded:
            // `.bootstrapped` follows and reloads every pane; the counts go with it.
            state.countsOwed = true
            return []
        case .searchIndex(.ready):
            // A member filter read a scan until now; the index answers it in its own order.
            guard state.pane == .members, state.panes[state.pane].countingQuery != nil else { return [] }
            return refreshSoon(&state)
        case .requestLogIndex(.ready):
            // The same for an Error log search.
            guard state.pane == .errors, state.panes[state.pane].countingQuery != nil else { return [] }
            return refreshSoon(&state)
        case .passStarted, .searchIndex, .requestLogIndex:
            return []
        }
    }

    /// Gives every pane the progress of its list; once the list is complete, the pane says so
    /// with the next window it asks for.
    static func syncPaneProgress(_ state: inout AppState) {
        for id in PaneTable.ids {
            let progress = state.panes[id].bootstrapList.flatMap { state.loading.lists[$0]?.paneProgress }
            state.panes[id].listProgressed(progress)
        }
    }

    /// Counts the matches of the filters the tabs show as "12 of 1,878": a changed filter at
    /// the next tick (typing costs one count a tick, not one a key), every one again when the
    /// rows changed (with the counts, at most every two seconds).
    static func countMatchesDue(_ state: inout AppState, rowsChanged: Bool) -> [Command] {
        var commands: [Command] = []
        for id in PaneTable.ids {
            let counting = state.panes[id].countingQuery
            let sameFilter = counting == state.panes[id].matchesQuery
            guard !sameFilter || (rowsChanged && counting != nil) else { continue }
            if let command = state.panes[id].requestMatches(keepShown: sameFilter) { commands.append(command) }
        }
        return commands
    }
}

extension AppState {
    /// Takes what the mirror records about an unfinished bootstrap and the search index, so the
    /// first frame of a session already knows which panes are still loading.
    public mutating func readLoading(from mirror: MirrorStore) {
        loading = LoadingState.read(from: mirror)
        for id in PaneTable.ids {
            panes[id].progress = panes[id].bootstrapList.flatMap { loading.lists[$0]?.paneProgress }
        }
    }
}
