import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The bottom line: who we are, how fresh the data is, how far a bootstrap has come, what is
/// waiting, what last failed; "? help  q quit" at the right at every size. A narrow terminal
/// shortens, then leaves out, the least important parts first; no part is cut mid-word.
enum StatusBarView {
    static let separator = " │ "
    static let hint = " ? help  q quit "

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int) {
        // On LIVE the bottom of the frame (see `LiveFrame`): plain parts take its role.
        let bar = LiveFrame.barRole(state, otherwise: .statusBar)
        buffer.fill(x: 0, y: y, width: state.columns, height: 1, role: bar)
        let badge = Badge.of(state)
        var x = buffer.put(badge.text, x: 0, y: y, role: badge.role, bold: true)
        let hintWidth = TextWidth.columns(hint)
        buffer.put(hint, x: max(x, state.columns - hintWidth), y: y, role: bar)
        let parts = StatusParts.of(state, bar: bar)
        let separatorWidth = TextWidth.columns(separator)
        // A column of air before the hint, so the last part never runs into it.
        let texts = BarFit.fit(parts, width: state.columns - x - hintWidth - 1, separator: separatorWidth,
                               leading: separatorWidth)
        for (part, text) in zip(parts, texts) {
            guard let text else { continue }
            x += buffer.put(separator, x: x, y: y, role: bar)
            x += buffer.put(text, x: x, y: y, role: part.role)
        }
    }

    static func clock(_ date: Date) -> String {
        let text = RFC3339.format(date)
        let characters = Array(text)
        return characters.count >= 19 ? String(characters[11..<19]) + "Z" : text
    }
}

/// The status line's parts in the order they are drawn, each with its shorter forms and how
/// much it matters.
enum StatusParts {
    static func of(_ state: AppState, bar: StyleRole) -> [BarPart] {
        var parts: [BarPart] = []
        if let expected = state.expectedEnvironment, let actual = state.identity?.environment, expected != actual {
            parts.append(BarPart(["KEY IS \(actual.rawValue.uppercased()), PROFILE SAYS \(expected.rawValue.uppercased())"],
                                 role: .error, importance: 100, droppable: false))
        }
        if let profile = state.profileName {
            parts.append(BarPart(["profile \(profile)", profile], role: bar, importance: 40))
        }
        if let freshness = freshness(state) { parts.append(freshness) }
        if state.loading.stale {
            parts.append(BarPart(["stale until the re-sync ends", "stale"], role: .warn, importance: 85, droppable: false))
        }
        if let loading = LoadingTexts.statusPart(state) { parts.append(loading) }
        if let me = state.identity, !me.role.mayDecide {
            parts.append(BarPart(["\(me.role.rawValue) · read-only", "read-only"], role: .warn, importance: 75,
                                 droppable: false))
        }
        // Decisions in their undo window or just confirmed count at once, not at the next
        // count of the mirror's outbox (every 2 s at most).
        let pending = Update.unsentCount(state)
        parts.append(BarPart(["outbox \(pending)"], role: pending > 0 ? .pending : bar, importance: pending > 0 ? 70 : 20,
                             droppable: pending == 0))
        if let code = state.lastErrorCode {
            parts.append(BarPart(["last error \(code)", "error \(code)"], role: .error, importance: 60))
        }
        if let index = LoadingTexts.searchIndexPart(state) { parts.append(index) }
        if let me = state.identity {
            parts.append(BarPart(clubForms(me), role: bar, importance: 35))
            if me.role.mayDecide { parts.append(BarPart([me.role.rawValue], role: bar, importance: 25)) }
        }
        return parts
    }

    /// "Nordlicht Rewards (club_18k1i56emphif)", then the name alone cut after a whole word, then
    /// the id alone.
    static func clubForms(_ me: Me) -> [String] {
        let name = Inert.text(me.clubName).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [me.clubId] }
        return ["\(name) (\(me.clubId))", WordCut.cut(name, toColumns: 30), me.clubId].compactMap { $0 }
    }

    /// How fresh the mirror is. While a bootstrap reads the lists, the loading part says it instead.
    static func freshness(_ state: AppState) -> BarPart? {
        switch state.sync {
        case .starting:
            return BarPart(["connecting…"], role: .pending, importance: 90, droppable: false)
        case .bootstrapping(let kind, let rows):
            if state.loading.isLoading { return nil }
            return BarPart(["loading \(kind) \(Format.points(rows))", "loading"], role: .pending, importance: 90,
                           droppable: false)
        case .catchingUp(let entries):
            return BarPart(["catching up \(Format.points(entries))", "catching up"], role: .pending, importance: 90,
                           droppable: false)
        case .live(let since):
            let age = max(0, Int(state.now.timeIntervalSince(since)))
            let checked = Format.age(from: since, to: state.now)
            let forms = age <= 30 ? ["● live"] : ["● live, checked \(checked) ago", "● live \(checked)"]
            return BarPart(forms, role: .ok, importance: 90, droppable: false)
        case .offline(let since, let code):
            let at = StatusBarView.clock(since)
            return BarPart(["offline since \(at) (\(code))", "offline since \(at)", "offline"], role: .error,
                           importance: 90, droppable: false)
        case .failed(let code, _):
            return BarPart(["sync error \(code)", "sync error"], role: .error, importance: 90, droppable: false)
        }
    }
}
