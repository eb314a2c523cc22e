import Mirror
import RewardsContract
import Terminal

/// The top line: the product, the four panes with their counts, and the environment badge.
/// On LIVE it is the top of the frame (see `LiveFrame`).
enum TabBarView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let bar = LiveFrame.barRole(state, otherwise: .tab)
        buffer.fill(x: 0, y: 0, width: state.columns, height: 1, role: bar)
        var x = buffer.put(" rewards-ops ", x: 0, y: 0, role: LiveFrame.barRole(state, otherwise: .title), bold: true)
        for pane in PaneTable.ids {
            let label = Self.label(pane, state.counts)
            // Underlined inside the LIVE frame: without colour both are reverse and bold.
            x += buffer.put(label, x: x, y: 0, role: pane == state.pane ? .tabActive : bar, bold: pane == state.pane,
                            underline: pane == state.pane && LiveFrame.isOn(state))
            x += 1
        }
        let badge = Badge.of(state)
        let badgeWidth = TextWidth.columns(badge.text)
        buffer.put(badge.text, x: state.columns - badgeWidth, y: 0, role: badge.role, bold: true)
    }

    /// ` 3 Review queue 19 `: the pane's key, title and count.
    static func label(_ pane: PaneID, _ counts: MirrorCounts) -> String {
        let kind = PaneTable.kind(pane)
        return " \(PaneTable.number(of: pane)) \(kind.title) \(Format.points(kind.count(counts))) "
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
