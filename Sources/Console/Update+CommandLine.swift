import Foundation
import Terminal

extension Update {
    /// The `:` command line: type a command of the registry, Tab completes, Enter runs it
    /// through the same gate as its key, Esc closes.
    static func handleCommandKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var input = state.commandInput else { return [] }
        switch key {
        case .escape:
            state.commandInput = nil
            return []
        case .enter:
            state.commandInput = nil
            let name = input.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return [] }
            if name == "theme" || name.hasPrefix("theme ") {
                let theme = name.dropFirst("theme".count).trimmingCharacters(in: .whitespaces)
                guard !theme.isEmpty else {
                    state.flash = Flash(text: "Usage: :theme NAME (\(state.themeNames.joined(separator: ", ")))",
                                        level: .info, at: state.now)
                    return []
                }
                return [.switchTheme(theme)]
            }
            guard let spec = ActionRegistry.action(forCommand: name, on: state.pane) else {
                let known = ActionRegistry.completions(of: "", on: state.pane, readOnly: state.isReadOnly)
                state.flash = Flash(text: "Unknown command :\(name) — try \(known.prefix(8).joined(separator: ", "))",
                                    level: .warning, at: state.now)
                return []
            }
            return perform(&state, spec)
        case .tab:
            var matches = ActionRegistry.completions(of: input.text, on: state.pane, readOnly: state.isReadOnly)
            if "theme".hasPrefix(input.text) { matches.append("theme") }
            if input.text.hasPrefix("theme ") {
                let prefix = String(input.text.dropFirst("theme ".count))
                matches = state.themeNames.filter { $0.hasPrefix(prefix) }.map { "theme " + $0 }
            }
            if matches.count == 1, let only = matches.first {
                input.text = only
            } else if let common = commonPrefix(matches), common.count > input.text.count {
                input.text = common
            } else if !matches.isEmpty {
                state.flash = Flash(text: matches.map { ":" + $0 }.joined(separator: "  "), level: .info, at: state.now)
            }
        case .backspace:
            if input.text.isEmpty {
                state.commandInput = nil
                return []
            }
            input.text.removeLast()
        case .char(let character):
            input.text.append(character)
        default:
            return []
        }
        state.commandInput = input
        return []
    }

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
