import Foundation
import Terminal

extension Update {
    /// The `:` command line: type a command of the registry, Tab completes, Enter runs it
    /// through the same gate as its key, Esc closes.
    static func handleCommandKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var input = state.commandInput else { return [] }
        // The list Tab showed is for the text it was asked for.
        input.choices = []
        switch key {
        case .escape:
            state.commandInput = nil
            return []
        case .enter:
            state.commandInput = nil
            let name = input.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return [] }
            if let commands = runArgumentCommand(&state, name) { return commands }
            guard let spec = ActionRegistry.action(forCommand: name, on: state.pane) else {
                let known = ActionRegistry.completions(of: "", on: state.pane, readOnly: state.isReadOnly)
                state.flash = Flash(text: "Unknown command :\(name) — try \(known.prefix(8).joined(separator: ", "))",
                                    level: .warning, at: state.now)
                return []
            }
            return perform(&state, spec)
        case .tab:
            input = complete(input, state)
        case .backspace:
            if input.text.isEmpty {
                closePromptByBackspace(&state)
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

    /// The commands that take a name (`:theme NAME`, `:profile NAME`), outside the action
    /// registry because they act on the session rather than on a pane; nil for any other.
    static func runArgumentCommand(_ state: inout AppState, _ line: String) -> [Command]? {
        let words = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let argument = words.count > 1 ? words[1] : ""
        switch words.first {
        case "theme":
            guard !argument.isEmpty else {
                state.flash = Flash(text: "Usage: :theme NAME (\(state.themeNames.joined(separator: ", ")))",
                                    level: .info, at: state.now)
                return []
            }
            return [.switchTheme(argument)]
        case "profile", "profile!":
            guard !argument.isEmpty else { return describeProfiles(&state) }
            return requestProfileSwitch(&state, to: argument, force: words.first == "profile!")
        default:
            return nil
        }
    }

    /// What Tab offers for the text typed so far: a name after `theme ` or `profile ` (and
    /// `profile! `), else the commands that start with it.
    static func completions(of text: String, _ state: AppState) -> [String] {
        let named: [(command: String, names: [String])] = [
            ("theme", state.themeNames), ("profile", state.profileChoices?.names ?? []),
            ("profile!", state.profileChoices?.names ?? []),
        ]
        for (command, names) in named where text.hasPrefix(command + " ") {
            let prefix = text.dropFirst(command.count + 1)
            return names.filter { $0.hasPrefix(prefix) }.map { "\(command) \($0)" }
        }
        let commands = ActionRegistry.completions(of: text, on: state.pane, readOnly: state.isReadOnly)
        return commands + ["theme", "profile"].filter { $0.hasPrefix(text) }
    }

    /// Tab: one match is taken, several extend the text to what they share, and when they
    /// share no more they are listed over the table.
    static func complete(_ input: InputLine, _ state: AppState) -> InputLine {
        var input = input
        var matches: [String] = []
        for match in completions(of: input.text, state) where !matches.contains(match) { matches.append(match) }
        if matches.count == 1, let only = matches.first {
            input.text = only
        } else if let common = commonPrefix(matches), common.count > input.text.count {
            input.text = common
        } else {
            input.choices = matches
        }
        return input
    }

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
