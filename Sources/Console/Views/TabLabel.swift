/// One tab's label, ` 3 Review queue 19 `, spelled out as far as the bar has room for: the
/// count says "12 of 1,878" under a filter, and "…" (with the share read, when the platform
/// said how many rows to expect) while the pane's list is still loading.
enum TabLabel {
    enum Title { case full, short, none }
    /// `long`: "12 of 1,878", "340,112… 34%"; `short`: "12/1,878", "340,112…"; `compact`:
    /// "12/1.8k", "340k…".
    enum CountForm { case long, short, compact }

    static func text(_ pane: PaneID, _ state: AppState, title: Title, count form: CountForm) -> String {
        let kind = PaneTable.kind(pane)
        let name: String
        switch title {
        case .full: name = " " + kind.title
        case .short: name = " " + kind.shortTitle
        case .none: name = ""
        }
        let paneState = state.panes[pane]
        // The list itself, not the pane's window: a list finished while its pane was hidden
        // stops saying so on its tab at once, though the pane has not read a window since.
        let loading = paneState.bootstrapList.flatMap { state.loading.lists[$0]?.paneProgress }
        return " \(PaneTable.number(of: pane))\(name) \(count(paneState, loading: loading, total: kind.count(state.counts), form)) "
    }

    static func count(_ pane: any AnyPaneState, loading: LoadProgress?, total: Int, _ form: CountForm) -> String {
        let number = { (value: Int) in form == .compact ? Format.compact(value) : Format.points(value) }
        let more = loading == nil ? "" : "…"
        if pane.countingQuery != nil {
            let matches = pane.matches.map { number($0.count) + ($0.more ? "+" : "") } ?? "…"
            switch form {
            case .long: return "\(matches) of \(number(total))\(more)"
            case .short, .compact: return "\(matches)/\(number(total))\(more)"
            }
        }
        guard let loading else { return number(total) }
        if form == .long, let expected = loading.expected, expected > 0 {
            // Never 100% before the list has finished: the total is the platform's hint.
            let share = min(99, loading.loaded * 100 / expected)
            return "\(number(total))… \(share)%"
        }
        return number(total) + "…"
    }
}
