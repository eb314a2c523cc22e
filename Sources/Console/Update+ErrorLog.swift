import Foundation
import Mirror
import RewardsContract

/// The Error log pane's keys and loads: a summary of codes, Enter into one code's failures
/// (a keyset window, `AppState.errors`), Enter again into one failure, Esc back out.
extension Update {
    /// The actions the Error log handles itself; nil lets the common handling run (moves in
    /// the rows window, pane switches, quit…).
    static func handleErrorLogAction(_ state: inout AppState, _ id: ActionID) -> [Command]? {
        guard state.pane == .errors else { return nil }
        let mode = state.errorLog.mode
        switch id {
        case .errorsOpen:
            return openErrorLogLevel(&state)
        case .errorsBack:
            return closeErrorLogLevel(&state)
        case .errorsSource:
            state.errorLog.source = state.errorLog.source == .platform ? .console : .platform
            state.errorLog.mode = .groups
            state.errorLog.code = nil
            state.errorLog.groups = []
            state.errorLog.groupsLoaded = false
            state.errorLog.selectedGroup = 0
            return loadErrorGroups(&state)
        case .errorsRetryable:
            switch state.errorLog.retryable {
            case nil: state.errorLog.retryable = true
            case true?: state.errorLog.retryable = false
            case false?: state.errorLog.retryable = nil
            }
            return reloadAfterFilterChange(&state)
        case .errorsStatus:
            let all = HTTPStatusFilter.allCases
            let index = all.firstIndex(of: state.errorLog.status) ?? 0
            state.errorLog.status = all[(index + 1) % all.count]
            return reloadAfterFilterChange(&state)
        case .down, .up, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            switch mode {
            case .groups:
                moveGroupSelection(&state, id)
                return []
            case .detail:
                return scrollDetail(&state, id)
            case .rows:
                return nil
            }
        default:
            return nil
        }
    }

    /// The grouped summary for the current source and filters, buckets ending now.
    static func loadErrorGroups(_ state: inout AppState) -> [Command] {
        state.errorLog.groupsGeneration += 1
        state.errorLog.groupsRequestedAt = state.now
        state.errorLog.groupsRefreshOwed = false
        return [.loadErrorGroups(state.errorLog.groupFilter, now: state.now, limit: ErrorLogState.groupLimit,
                                 generation: state.errorLog.groupsGeneration)]
    }

    /// What a refresh of the Error log pane loads: the summary while it shows (at most every
    /// `groupsMinInterval`), else nil: the rows window, like every other pane.
    static func refreshErrorLog(_ state: inout AppState) -> [Command]? {
        guard state.errorLog.mode == .groups else { return nil }
        if let requested = state.errorLog.groupsRequestedAt,
           state.now.timeIntervalSince(requested) < ErrorLogState.groupsMinInterval {
            state.errorLog.groupsRefreshOwed = true
            return []
        }
        return loadErrorGroups(&state)
    }

    /// A held-back refresh is due, or the sparkline's hours have moved with the clock.
    static func errorGroupsAreStale(_ state: AppState) -> Bool {
        guard state.pane == .errors, state.errorLog.mode == .groups,
              let requested = state.errorLog.groupsRequestedAt else { return false }
        let age = state.now.timeIntervalSince(requested)
        return age >= ErrorLogState.groupsMaxAge
            || (state.errorLog.groupsRefreshOwed && age >= ErrorLogState.groupsMinInterval)
    }

    static func errorGroupsLoaded(_ state: inout AppState, generation: Int, result: ErrorGroups) {
        guard generation == state.errorLog.groupsGeneration else { return }  // a newer query replaced it
        let selectedCode = state.errorLog.selectedGroupRow?.code
        state.errorLog.groups = result.groups
        state.errorLog.groupsTruncated = result.truncated
        state.errorLog.groupsLoaded = true
        // The same code stays selected though the order changes with every new failure.
        let index = selectedCode.flatMap { code in result.groups.firstIndex { $0.code == code } }
            ?? state.errorLog.selectedGroup
        state.errorLog.selectedGroup = max(0, min(index, result.groups.count - 1))
    }

    static func openErrorLogLevel(_ state: inout AppState) -> [Command] {
        switch state.errorLog.mode {
        case .groups:
            guard let group = state.errorLog.selectedGroupRow else { return [] }
            state.errorLog.code = group.code
            state.errorLog.mode = .rows
            clearErrorRows(&state)
            return navigate(&state, .errors, .top, .index(0))
        case .rows:
            guard state.errors.selectedRow != nil else { return [] }
            state.errorLog.mode = .detail
            state.errorLog.detailScroll = 0
            return []
        case .detail:
            return []
        }
    }

    static func closeErrorLogLevel(_ state: inout AppState) -> [Command] {
        switch state.errorLog.mode {
        case .detail:
            state.errorLog.mode = .rows
            return []
        case .rows:
            state.errorLog.mode = .groups
            state.errorLog.code = nil
            // Failures may have arrived, or filters changed, while the rows were shown.
            return loadErrorGroups(&state)
        case .groups:
            // Esc at the top level does what it does on every other pane.
            state.flash = nil
            return []
        }
    }

    static func reloadAfterFilterChange(_ state: inout AppState) -> [Command] {
        if state.errorLog.mode == .groups { return loadErrorGroups(&state) }
        state.errorLog.mode = .rows
        clearErrorRows(&state)
        return navigate(&state, .errors, .top, .index(0))
    }

    /// Rows of another code or filter must not show while the new window loads.
    static func clearErrorRows(_ state: inout AppState) {
        state.errors.rows = []
        state.errors.selected = 0
        state.errors.loaded = false
        state.errors.atStart = true
    }

    /// The summary is held whole (one row per code, capped), so moving in it needs no query.
    static func moveGroupSelection(_ state: inout AppState, _ id: ActionID) {
        let height = state.tableHeight
        switch id {
        case .top: state.errorLog.selectedGroup = 0
        case .bottom: state.errorLog.selectedGroup = max(0, state.errorLog.groups.count - 1)
        case .down: _ = moveGroupSelection(&state, by: 1)
        case .up: _ = moveGroupSelection(&state, by: -1)
        case .pageDown: _ = moveGroupSelection(&state, by: height)
        case .pageUp: _ = moveGroupSelection(&state, by: -height)
        case .halfPageDown: _ = moveGroupSelection(&state, by: max(1, height / 2))
        case .halfPageUp: _ = moveGroupSelection(&state, by: -max(1, height / 2))
        default: break
        }
    }

    /// Also the mouse wheel's way in (through `move`).
    static func moveGroupSelection(_ state: inout AppState, by delta: Int) -> [Command] {
        let count = state.errorLog.groups.count
        state.errorLog.selectedGroup = max(0, min(count - 1, state.errorLog.selectedGroup + delta))
        return []
    }

    /// In the detail view pages scroll the text; j/k (and g/G) step to the next failure.
    static func scrollDetail(_ state: inout AppState, _ id: ActionID) -> [Command]? {
        let page = max(1, ErrorDetailView.bodyHeight(state: state) - 1)
        let scroll = state.errorLog.detailScroll
        switch id {
        case .pageDown: state.errorLog.detailScroll = scroll + page
        case .pageUp: state.errorLog.detailScroll = scroll - page
        case .halfPageDown: state.errorLog.detailScroll = scroll + max(1, page / 2)
        case .halfPageUp: state.errorLog.detailScroll = scroll - max(1, page / 2)
        default:
            state.errorLog.detailScroll = 0
            return nil
        }
        let maxScroll = state.errors.selectedRow.map { ErrorDetailView.maxScroll(for: $0, state: state) } ?? 0
        state.errorLog.detailScroll = max(0, min(maxScroll, state.errorLog.detailScroll))
        return []
    }
}
