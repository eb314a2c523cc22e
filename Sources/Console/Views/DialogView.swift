import RewardsContract
import Terminal

/// The decision dialog, drawn in a box over the panes.
enum DialogView {
    static func render(_ dialog: DecisionDialog, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(76, state.columns - 4)
        var lines: [(String, StyleRole)] = []
        var buttons: [(String, Bool)] = []
        let verbTitle = dialog.verb == .approve ? "approval" : "escalation"
        let title: String
        if dialog.isBulk {
            lines.append(("\(dialog.verb == .approve ? "Approve" : "Escalate") \(dialog.actions.count) marked items:", .dialog))
            for action in dialog.actions.prefix(6) { lines.append(("  " + (action.summary.first ?? action.objectId), .dialog)) }
            if dialog.actions.count > 6 { lines.append(("  … and \(dialog.actions.count - 6) more", .textDim)) }
        } else if let action = dialog.actions.first {
            lines = (dialog.step == .note ? Array(action.summary.prefix(2)) : action.summary).map { ($0, .dialog) }
        }
        switch dialog.step {
        case .note:
            title = "Escalation note"
            lines.append(("", .dialog))
            lines.append(("Note: " + dialog.note + "▏", .input))
            if let error = dialog.noteError { lines.append((error, .error)) }
            lines.append(("Enter continue · Esc cancel", .textDim))
        case .confirm:
            title = "Confirm \(verbTitle)" + (dialog.isBulk ? " of \(dialog.actions.count)" : "")
            if dialog.verb == .escalate { lines.append(("Note: \(dialog.note)", .dialog)) }
            lines.append(("", .dialog))
            if let required = dialog.typedConfirmation {
                lines.append(("LIVE platform. Type \(required) and Enter to confirm; Esc cancels.", .badgeLive))
                lines.append(("> " + dialog.typed + "▏", .input))
                if let error = dialog.typedError { lines.append((error, .error)) }
            } else {
                lines.append(("y confirm · n/Esc cancel · Tab switch · Enter = focused button", .textDim))
                let label = dialog.verb == .approve ? "Approve" : "Escalate"
                buttons = [("[ Cancel ]", dialog.focus == .cancel),
                           ("[ \(label)\(dialog.isBulk ? " \(dialog.actions.count)" : "") ]", dialog.focus == .confirm)]
            }
        }
        let height = lines.count + (buttons.isEmpty ? 3 : 5)
        let x = max(0, (state.columns - width) / 2)
        let y = max(0, (state.rows - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: title,
                 border: state.environment == .live ? .borderLive : .border)
        for (index, line) in lines.enumerated() {
            buffer.put(line.0, x: x + 2, y: y + 2 + index, role: line.1, maxColumns: width - 4)
        }
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
