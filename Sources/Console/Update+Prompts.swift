import Foundation
import Terminal

/// Keys right after a prompt closed under the operator's fingers: Backspace held past an empty
/// `:` or `/` line closes it, and the letters that follow were meant for the line, not for the
/// pane (`a` would open an approval). They do nothing until the typing pauses.
extension Update {
    static func closePromptByBackspace(_ state: inout AppState) {
        state.commandInput = nil
        state.filterInput = nil
        state.promptClosedAt = state.now
    }

    /// Nil lets the key act as usual; otherwise the key is held back (and the hold lasts while
    /// the typing goes on). `:` and `/` open their line again; Esc ends the hold.
    static func holdKeyAfterClosedPrompt(_ state: inout AppState, _ key: Key) -> [Command]? {
        guard state.promptClosedAt != nil else { return nil }
        switch key {
        case .char(":"), .char("/"):
            state.promptClosedAt = nil
            return nil
        case .char, .backspace, .enter, .delete:
            state.promptClosedAt = state.now
            state.flash = Flash(text: "The prompt is closed: keys typed now do nothing (: or / opens it again, Esc goes on)",
                                level: .warning, at: state.now)
            return []
        case .escape:
            state.promptClosedAt = nil
            state.flash = nil
            return []
        case .resize, .mouse:
            return nil
        default:
            state.promptClosedAt = nil
            return nil
        }
    }
}
