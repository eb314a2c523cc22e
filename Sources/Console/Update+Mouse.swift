import Terminal

extension Update {
    /// A click selects the row under it; the wheel scrolls three rows at a time.
    static func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Command] {
        switch event.kind {
        case .wheelUp:
            if var detail = state.memberDetail {
                detail.scroll = max(0, detail.scroll - 3)
                state.memberDetail = detail
                return []
            }
            return move(&state, by: -3)
        case .wheelDown:
            if var detail = state.memberDetail {
                detail.scroll = min(detail.scroll + 3, max(0, (detail.detail?.ledger.count ?? 0) - 1))
                state.memberDetail = detail
                return []
            }
            return move(&state, by: 3)
        case .press:
            if event.y == 0 { return clickTab(&state, x: event.x) }
            guard state.memberDetail == nil else { return [] }
            // Rows start under the tab bar and the column header.
            let index = event.y - 2
            let count: Int
            switch state.pane {
            case .members: count = state.members.rows.count
            case .redemptions: count = state.redemptions.rows.count
            case .reviews: count = state.reviews.rows.count
            case .errors: count = state.errors.rows.count
            }
            guard index >= 0, index < count, index < state.tableHeight else { return [] }
            switch state.pane {
            case .members: state.members.selected = index
            case .redemptions: state.redemptions.selected = index
            case .reviews: state.reviews.selected = index
            case .errors: state.errors.selected = index
            }
            return []
        }
    }

    /// A click on the tab bar switches to the pane whose title is under it.
    static func clickTab(_ state: inout AppState, x: Int) -> [Command] {
        var cursor = TextWidth.columns(" rewards-ops ")
        for pane in PaneID.allCases {
            let width = TextWidth.columns(" \(pane.rawValue + 1) \(pane.title) \(Format.points(TabBarView.count(pane, state.counts))) ")
            if x >= cursor && x < cursor + width {
                state.memberDetail = nil
                return switchPane(&state, pane)
            }
            cursor += width + 1
        }
        return []
    }
}
