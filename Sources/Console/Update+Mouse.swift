import Terminal

extension Update {
    /// A click selects the row under it; the wheel scrolls three rows at a time.
    static func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Command] {
        switch event.kind {
        case .wheelUp:
            return scroll(&state, by: -3)
        case .wheelDown:
            return scroll(&state, by: 3)
        case .press:
            if event.y == 0 { return clickTab(&state, x: event.x) }
            guard state.detail == nil else { return [] }
            // Rows start under the tab bar and the column header.
            let index = event.y - 2
            guard index >= 0, index < state.panes[state.pane].rowCount, index < state.tableHeight else { return [] }
            state.panes[state.pane].selected = index
            return []
        }
    }

    /// The wheel scrolls an open detail view, else moves the selection.
    static func scroll(_ state: inout AppState, by lines: Int) -> [Command] {
        guard var detail = state.detail else { return move(&state, by: lines) }
        detail.scroll(by: lines)
        state.detail = detail
        return []
    }

    /// A click on the tab bar switches to the pane whose title is under it.
    static func clickTab(_ state: inout AppState, x: Int) -> [Command] {
        TabBarView.pane(at: x, state).map { switchPane(&state, $0) } ?? []
    }
}
