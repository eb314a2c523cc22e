import Mirror
import RewardsContract
import Terminal

/// The top line: the product, the four panes with their counts, and the environment badge.
/// On LIVE it is the top of the frame (see `LiveFrame`). Every tab stays at every size: a
/// narrow terminal loses the product name, then the tabs abbreviate (`4 Errors 376`).
enum TabBarView {
    static let product = " rewards-ops "

    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let bar = LiveFrame.barRole(state, otherwise: .tab)
        buffer.fill(x: 0, y: 0, width: state.columns, height: 1, role: bar)
        let layout = layout(state)
        if layout.showsProduct {
            buffer.put(product, x: 0, y: 0, role: LiveFrame.barRole(state, otherwise: .title), bold: true)
        }
        for tab in layout.tabs {
            let active = tab.pane == state.pane
            // Underlined inside the LIVE frame: without colour both are reverse and bold.
            buffer.put(tab.label, x: tab.columns.lowerBound, y: 0, role: active ? .tabActive : bar, bold: active,
                       underline: active && LiveFrame.isOn(state))
        }
        let badge = Badge.of(state)
        let badgeWidth = TextWidth.columns(badge.text)
        buffer.put(badge.text, x: state.columns - badgeWidth, y: 0, role: badge.role, bold: true)
    }

    struct Tab: Equatable {
        var pane: PaneID
        var label: String
        var columns: Range<Int>
    }

    struct Layout: Equatable {
        var showsProduct: Bool
        var tabs: [Tab]
    }

    /// How much of the bar is spelled out, from the most to the least: the product name goes
    /// first, then the titles shorten; "12 of 1,878" holds until the titles are short.
    static let levels: [(product: Bool, title: TabLabel.Title, count: TabLabel.CountForm)] = [
        (true, .full, .long), (false, .full, .long), (false, .short, .long), (false, .short, .short),
        (false, .short, .compact), (false, .none, .compact),
    ]

    /// Where each tab is: the most spelled-out level that leaves room for the badge.
    static func layout(_ state: AppState) -> Layout {
        // Labels and badge carry their own spaces: the last tab may touch the badge.
        let room = state.columns - TextWidth.columns(Badge.of(state).text)
        var chosen = Layout(showsProduct: false, tabs: [])
        for level in levels {
            var x = level.product ? TextWidth.columns(product) : 0
            var tabs: [Tab] = []
            for pane in PaneTable.ids {
                let label = TabLabel.text(pane, state, title: level.title, count: level.count)
                let width = TextWidth.columns(label)
                tabs.append(Tab(pane: pane, label: label, columns: x..<(x + width)))
                x += width + 1
            }
            chosen = Layout(showsProduct: level.product, tabs: tabs)
            if x - 1 <= room { break }
        }
        return chosen
    }

    /// The pane whose tab is at column `x`, if any.
    static func pane(at x: Int, _ state: AppState) -> PaneID? {
        layout(state).tabs.first { $0.columns.contains(x) }?.pane
    }
}

/// TEST or LIVE, impossible to miss: a LIVE badge has its own colour (and reverse video in
/// monochrome).
enum Badge {
    static func of(_ state: AppState) -> (text: String, role: StyleRole) {
        switch state.environment {
        case .some(.live): return (" LIVE ", .badgeLive)
        case .some(.test): return (" TEST ", .badgeTest)
        case .some(let other): return (" \(other.rawValue.uppercased()) ", .badgeLive)
        case .none: return (" ENV? ", .warn)
        }
    }
}
