import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The bottom line: who we are, how fresh the data is, what is waiting, what last failed.
enum StatusBarView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int) {
        // On LIVE the bottom of the frame (see `LiveFrame`): plain parts take its role.
        let bar = LiveFrame.barRole(state, otherwise: .statusBar)
        buffer.fill(x: 0, y: y, width: state.columns, height: 1, role: bar)
        let badge = Badge.of(state)
        var x = buffer.put(badge.text, x: 0, y: y, role: badge.role, bold: true)
        // Most urgent first, so a narrow terminal cuts what matters least.
        var parts: [(String, StyleRole)] = [freshness(state)]
        if let profile = state.profileName { parts.insert(("profile \(profile)", bar), at: 0) }
        if let expected = state.expectedEnvironment, let actual = state.identity?.environment, expected != actual {
            parts.insert(("KEY IS \(actual.rawValue.uppercased()), PROFILE SAYS \(expected.rawValue.uppercased())", .error), at: 0)
        }
        parts.append(("outbox \(state.counts.outboxPending)", state.counts.outboxPending > 0 ? .pending : bar))
        if let code = state.lastErrorCode { parts.append(("last error \(code)", .error)) }
        if let me = state.identity {
            let club = me.clubName.isEmpty ? me.clubId : "\(me.clubName) (\(me.clubId))"
            parts.append((TextWidth.truncate(club, toColumns: 36), bar))
            parts.append(("\(me.role.rawValue)\(me.role.mayDecide ? "" : " · read-only")", me.role.mayDecide ? bar : .warn))
        }
        for (text, role) in parts {
            x += buffer.put(" │ ", x: x, y: y, role: bar)
            x += buffer.put(text, x: x, y: y, role: role)
        }
        let hint = " ? help  q quit "
        let hintWidth = TextWidth.columns(hint)
        if x + hintWidth < state.columns {
            buffer.put(hint, x: state.columns - hintWidth, y: y, role: bar)
        }
    }

    static func freshness(_ state: AppState) -> (String, StyleRole) {
        switch state.sync {
        case .starting:
            return ("connecting…", .pending)
        case .bootstrapping(let kind, let rows):
            return ("bootstrapping \(kind) \(Format.points(rows))", .pending)
        case .catchingUp(let entries):
            return ("catching up \(Format.points(entries))", .pending)
        case .live(let since):
            let age = max(0, Int(state.now.timeIntervalSince(since)))
            return (age <= 30 ? "● live" : "● live, checked \(Format.age(from: since, to: state.now)) ago", .ok)
        case .offline(let since, let code):
            return ("offline since \(clock(since)) (\(code))", .error)
        case .failed(let code, _):
            return ("sync error \(code)", .error)
        }
    }

    static func clock(_ date: Date) -> String {
        let text = RFC3339.format(date)
        let characters = Array(text)
        return characters.count >= 19 ? String(characters[11..<19]) + "Z" : text
    }
}
