import Foundation
import Terminal

/// `q` with decisions not sent yet: the three choices, then the progress of sending them.
enum QuitDialogView {
    static func render(_ dialog: QuitDialog, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(78, state.columns - 4)
        let textWidth = width - 4
        var lines: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole) {
            for part in TextWrap.words(text, width: textWidth) { lines.append((part, role)) }
        }
        /// A choice: its key in a column of its own, the text wrapped beside it.
        func choice(_ key: String, _ text: String, _ role: StyleRole = .dialog) {
            for (index, part) in TextWrap.words(text, width: textWidth - 5).enumerated() {
                lines.append(((index == 0 ? TextWidth.pad(key, toColumns: 5) : "     ") + part, role))
            }
        }
        let what = QuitRules.decisions(dialog.unsent)
        let title: String
        switch dialog.phase {
        case .asking:
            title = "Quit? \(what) not sent"
            let window = dialog.inUndoWindow > 0 ? " (\(dialog.inUndoWindow) still in the undo window)" : ""
            add("\(what) not sent yet\(window).", .dialog)
            lines.append(("", .dialog))
            choice("s", "send now and wait for the answers (at most \(Int(QuitRules.sendWaitSeconds)) s)")
            if state.outboxOutlivesSession {
                let whose = state.profileName.map { "profile \($0)" } ?? "these REWARDS_OPS_* settings"
                choice("l", "leave them queued and quit: they are sent the next time `rewards-ops console` or `rewards-ops sync` runs with \(whose)")
            } else {
                choice("l", "quit now: the demo sends them before its sandbox stops")
            }
            choice("Esc", "cancel: back to the console")
        case .sending(let since):
            title = "Sending \(what)…"
            let left = max(0, Int((QuitRules.sendWaitSeconds - state.now.timeIntervalSince(since)).rounded(.up)))
            let pending = dialog.pending.map { "\($0) to go" } ?? "counting"
            add("\(dialog.answers) answered, \(pending) (\(left) s left)", .pending)
            for refusal in dialog.refusals.suffix(4) { add("✗ " + refusal, .error) }
            lines.append(("", .dialog))
            choice("Esc", "stop waiting (they still go)", .textDim)
            choice("l", "quit and leave the rest queued", .textDim)
        }
        CenteredBox.draw(lines, width: width, height: lines.count + 3, title: title, textWidth: textWidth,
                         state: state, into: &buffer)
    }
}
