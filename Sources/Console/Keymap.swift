import Terminal

/// Key overrides from the config file: `[keys]` maps an action (its `:` command name or its
/// id) to a key spec. An override replaces the action's default keys and wins over any
/// other action's default.
public struct Keymap: Sendable, Hashable {
    public var overrides: [ActionID: [Key]]

    public init(overrides: [ActionID: [Key]] = [:]) { self.overrides = overrides }

    public enum KeymapError: Error, Sendable, Hashable, CustomStringConvertible {
        case unknownAction(String)
        case badKey(action: String, spec: String)

        public var description: String {
            switch self {
            case .unknownAction(let name):
                let known = ActionRegistry.all.flatMap(\.commands).sorted().joined(separator: ", ")
                return "[keys] \(name) is not an action (actions: \(known))"
            case .badKey(let action, let spec):
                return "[keys] \(action) = \"\(spec)\" is not a key: use a character, space, enter, esc, tab, backtab, up, down, left, right, home, end, pgup, pgdn, backspace, delete, ctrl-X or f1–f12"
            }
        }
    }

    /// Builds a keymap from the config's `[keys]` table.
    public static func from(_ table: [String: String]) throws -> Keymap {
        var overrides: [ActionID: [Key]] = [:]
        for (name, spec) in table.sorted(by: { $0.key < $1.key }) {
            // A command name can stand for one action per pane (`status` cycles the queue's
            // filter and the error log's): remapping it remaps all of them.
            let actions = ActionID(rawValue: name).map { [$0] }
                ?? ActionRegistry.all.filter { $0.commands.contains(name) }.map(\.id)
            guard !actions.isEmpty else { throw KeymapError.unknownAction(name) }
            guard let key = parse(spec) else { throw KeymapError.badKey(action: name, spec: spec) }
            for action in actions { overrides[action, default: []].append(key) }
        }
        return Keymap(overrides: overrides)
    }

    public static func parse(_ spec: String) -> Key? {
        let lower = spec.lowercased()
        switch lower {
        case "space": return .char(" ")
        case "enter", "return": return .enter
        case "esc", "escape": return .escape
        case "tab": return .tab
        case "backtab", "shift-tab", "s-tab": return .backTab
        case "up": return .up
        case "down": return .down
        case "left": return .left
        case "right": return .right
        case "home": return .home
        case "end": return .end
        case "pgup", "pageup": return .pageUp
        case "pgdn", "pagedown": return .pageDown
        case "backspace": return .backspace
        case "delete", "del": return .delete
        default: break
        }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isLetter { return .ctrl(letter) }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) { return .function(number) }
        if spec.count == 1, let character = spec.first, !character.isWhitespace { return .char(character) }
        return nil
    }

    public static func label(_ key: Key) -> String {
        switch key {
        case .char(" "): return "Space"
        case .char(let character): return String(character)
        case .ctrl(let character): return "C-\(character)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "BkSp"
        case .delete: return "Del"
        case .function(let number): return "F\(number)"
        default: return "?"
        }
    }

    /// Keys some override took: no longer any other action's default.
    private var taken: Set<Key> { Set(overrides.values.joined()) }

    /// The keys that trigger an action under this keymap: its override, or the defaults no
    /// override took from it.
    public func keys(of spec: ActionSpec) -> [Key] {
        overrides[spec.id] ?? spec.keys.filter { !taken.contains($0) }
    }

    /// Its keys as help shows them; "unbound" when an override took every default key, so
    /// help never lists one key for two actions.
    public func label(of spec: ActionSpec) -> String {
        if let keys = overrides[spec.id] { return keys.map(Self.label).joined(separator: "/") }
        let kept = keys(of: spec)
        if kept.count == spec.keys.count { return spec.keyLabel }
        return kept.isEmpty ? "unbound" : kept.map(Self.label).joined(separator: "/")
    }

    /// The action a key triggers on a pane: overrides first, then the defaults of actions
    /// that were not remapped.
    public func action(for key: Key, on pane: PaneID) -> ActionSpec? {
        let applicable = ActionRegistry.all.filter { $0.panes?.contains(pane) ?? true }
        if let remapped = applicable.first(where: { overrides[$0.id]?.contains(key) ?? false }) { return remapped }
        return applicable.first { overrides[$0.id] == nil && $0.keys.contains(key) }
    }
}
