import RewardsContract
import Terminal

/// The decision dialog, drawn in a box over the panes: what the decision will do, worked out
/// from the mirror, and the refusals the platform will give, before anything is sent.
enum DialogView {
    static func render(_ dialog: DecisionDialog, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(76, state.columns - 4)
        let textWidth = width - 4
        var lines: [(String, StyleRole)] = []
        var buttons: [(String, Bool)] = []
        func add(_ text: String, _ role: StyleRole) {
            for part in TextWrap.words(text, width: textWidth) { lines.append((part, role)) }
        }
        let verbTitle = dialog.verb == .approve ? "approval" : "escalation"
        let title: String
        if dialog.isBulk {
            lines.append(("\(dialog.verb == .approve ? "Approve" : "Escalate") \(dialog.actions.count) marked items:", .dialog))
            for action in dialog.actions.prefix(6) {
                let refusal = action.predicted.first.map { "  ⚠ \($0.code)" } ?? ""
                lines.append(("  " + (action.summary.first ?? action.objectId) + refusal, refusal.isEmpty ? .dialog : .warn))
            }
            if dialog.actions.count > 6 { lines.append(("  … and \(dialog.actions.count - 6) more", .textDim)) }
            if let warning = DecisionOutcome.bulkWarning(dialog.actions) { add("⚠ " + warning, .warn) }
        } else if let action = dialog.actions.first {
            for line in dialog.step == .note ? Array(action.summary.prefix(2)) : action.summary { add(line, .dialog) }
            for refusal in action.predicted { add("⚠ " + refusal.text, .warn) }
        }
        var tail: [(String, StyleRole)] = []
        switch dialog.step {
        case .note:
            title = dialog.noteRequired ? "Escalation note" : "Approval note (optional)"
            tail.append(("", .dialog))
            tail.append(("Note: " + dialog.note + "▏", .input))
            if let error = dialog.noteError { tail.append((error, .error)) }
            tail.append((dialog.noteRequired ? "Enter continue · Esc cancel" : "Enter continue (empty: no note) · Esc cancel",
                         .textDim))
        case .confirm:
            title = "Confirm \(verbTitle)" + (dialog.isBulk ? " of \(dialog.actions.count)" : "")
            if !dialog.note.isEmpty { tail.append(("Note: \(dialog.note)", .dialog)) }
            tail.append(("", .dialog))
            if let required = dialog.typedConfirmation {
                tail.append(("LIVE platform. Type \(required) and Enter to confirm; Esc cancels.", .badgeLive))
                tail.append(("> " + dialog.typed + "▏", .input))
                if let error = dialog.typedError { tail.append((error, .error)) }
            } else {
                tail.append(("y confirm · n/Esc cancel · Tab switch · Enter = focused button", .textDim))
                let label = dialog.verb == .approve ? "Approve" : "Escalate"
                buttons = [("[ Cancel ]", dialog.focus == .cancel),
                           ("[ \(label)\(dialog.isBulk ? " \(dialog.actions.count)" : "") ]", dialog.focus == .confirm)]
            }
        }
        // On a short screen the description gives way, never the input, the hints or the buttons.
        let frame = buttons.isEmpty ? 3 : 5
        let room = max(1, state.rows - 2 - frame - tail.count)
        if lines.count > room {
            lines = Array(lines.prefix(max(0, room - 1))) + [("…", .textDim)]
        }
        lines += tail
        let height = lines.count + frame
        let (x, y) = CenteredBox.draw(lines, width: width, height: height, title: title, textWidth: textWidth,
                                      state: state, into: &buffer)
        if !buttons.isEmpty {
            var bx = x + 2
            let by = y + height - 2
            for (label, focused) in buttons {
                bx += buffer.put(label, x: bx, y: by, role: focused ? .dialogButtonFocus : .dialogButton, bold: focused)
                bx += 2
            }
        }
    }
}

enum Box {
    static func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, title: String,
                     role: StyleRole = .dialog, border: StyleRole = .border) {
        buffer.fill(x: x, y: y, width: width, height: height, role: role)
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        buffer.put("┌" + horizontal + "┐", x: x, y: y, role: border)
        for row in 1..<max(1, height - 1) {
            buffer.put("│", x: x, y: y + row, role: border)
            buffer.put("│", x: x + width - 1, y: y + row, role: border)
        }
        buffer.put("└" + horizontal + "┘", x: x, y: y + height - 1, role: border)
        buffer.put(" \(title) ", x: x + 2, y: y, role: .dialogTitle, bold: true, maxColumns: width - 4)
    }
}
