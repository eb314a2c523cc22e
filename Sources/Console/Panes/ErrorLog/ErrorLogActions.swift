import Foundation
import Mirror

/// The Error log's own keys: down into a code and a failure, back out, and its filters.
/// Moves are its own on the summary (no query) and in the detail (pages scroll the text).
extension ErrorLogPane {
    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]? {
        switch action {
        case .errorsOpen:
            return open(&state)
        case .errorsBack:
            return back(&state)
        case .errorsSource:
            var pane = state.panes[Self.self]
            pane.filter.source = pane.filter.source == .platform ? .console : .platform
            pane.filter.code = nil
            pane.filter.text = ""
            pane.extra.mode = .groups
            pane.extra.groups = []
            pane.extra.groupsLoaded = false
            pane.extra.selectedGroup = 0
            state.panes[Self.self] = pane
            return loadGroups(&state)
        case .errorsRetryable:
            let retryable = state.panes[Self.self].filter.retryable
            state.panes[Self.self].filter.retryable = retryable == nil ? true : (retryable == true ? false : nil)
            return reloadAfterFilterChange(&state)
        case .filter:
            // `/` over one failure searches the list it came from; the prompt opens as on any pane.
            if state.panes[Self.self].extra.mode == .detail { state.panes[Self.self].extra.mode = .rows }
            return nil
        case .errorsStatus:
            let all = HTTPStatusFilter.allCases
            let index = all.firstIndex(of: state.panes[Self.self].filter.status) ?? 0
            state.panes[Self.self].filter.status = all[(index + 1) % all.count]
            return reloadAfterFilterChange(&state)
        case .down, .up, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            switch state.panes[Self.self].extra.mode {
            case .groups:
                moveGroupSelection(&state, action)
                return []
            case .detail:
                return scrollDetail(&state, action)
            case .rows:
                return nil
            }
        default:
            return nil
        }
    }

    static func open(_ state: inout AppState) -> [Command] {
        var pane = state.panes[Self.self]
        switch pane.extra.mode {
        case .groups:
            guard let group = pane.extra.selectedGroupRow else { return [] }
            pane.filter.code = group.code
            pane.extra.mode = .rows
            pane.clearRows()
            state.panes[Self.self] = pane
            return Update.navigate(&state, id, .top, .index(0))
        case .rows:
            guard pane.list.selectedRow != nil else { return [] }
            state.panes[Self.self].extra.mode = .detail
            state.panes[Self.self].extra.detailScroll = 0
            return []
        case .detail:
            // The review, redemption or member the failed call was about, over the Error log.
            guard let objectId = pane.list.selectedRow?.concernedObjectId else { return [] }
            return Update.openObject(&state, objectId: objectId) ?? []
        }
    }

    static func back(_ state: inout AppState) -> [Command] {
        switch state.panes[Self.self].extra.mode {
        case .detail:
            state.panes[Self.self].extra.mode = .rows
            return []
        case .rows where !state.panes[Self.self].filter.searchText.isEmpty:
            return clearSearch(&state)
        case .rows:
            state.panes[Self.self].extra.mode = .groups
            state.panes[Self.self].filter.code = nil
            state.panes[Self.self].filter.text = ""
            // Failures may have arrived, or filters changed, while the rows were shown.
            return loadGroups(&state)
        case .groups:
            // Esc at the top level does what it does on every other pane.
            state.flash = nil
            return []
        }
    }

    static func reloadAfterFilterChange(_ state: inout AppState) -> [Command] {
        if state.panes[Self.self].extra.mode == .groups { return loadGroups(&state) }
        state.panes[Self.self].extra.mode = .rows
        state.panes[Self.self].clearRows()
        return Update.navigate(&state, id, .top, .index(0))
    }

    static func moveGroupSelection(_ state: inout AppState, _ action: ActionID) {
        let height = state.tableHeight
        switch action {
        case .top: state.panes[Self.self].extra.selectedGroup = 0
        case .bottom: state.panes[Self.self].extra.selectedGroup = max(0, state.panes[Self.self].extra.groups.count - 1)
        case .down: moveGroupSelection(&state, by: 1)
        case .up: moveGroupSelection(&state, by: -1)
        case .pageDown: moveGroupSelection(&state, by: height)
        case .pageUp: moveGroupSelection(&state, by: -height)
        case .halfPageDown: moveGroupSelection(&state, by: max(1, height / 2))
        case .halfPageUp: moveGroupSelection(&state, by: -max(1, height / 2))
        default: break
        }
    }

    /// In the detail view pages scroll the text; j/k (and g/G) step to the next failure.
    static func scrollDetail(_ state: inout AppState, _ action: ActionID) -> [Command]? {
        var pane = state.panes[Self.self]
        let page = max(1, ErrorDetailView.bodyHeight(state: state) - 1)
        let scroll = pane.extra.detailScroll
        switch action {
        case .pageDown: pane.extra.detailScroll = scroll + page
        case .pageUp: pane.extra.detailScroll = scroll - page
        case .halfPageDown: pane.extra.detailScroll = scroll + max(1, page / 2)
        case .halfPageUp: pane.extra.detailScroll = scroll - max(1, page / 2)
        default:
            state.panes[Self.self].extra.detailScroll = 0
            return nil
        }
        let maxScroll = pane.list.selectedRow.map { ErrorDetailView.maxScroll(for: $0, pane, state: state) } ?? 0
        pane.extra.detailScroll = max(0, min(maxScroll, pane.extra.detailScroll))
        state.panes[Self.self] = pane
        return []
    }
}
