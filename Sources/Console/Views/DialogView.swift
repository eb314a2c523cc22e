import Terminal

/// A box in the middle of the screen, drawn over the panes.
enum DialogView {
    static func render(_ dialog: Dialog, state: AppState, into buffer: inout ScreenBuffer) {
        let width = min(72, state.columns - 4)
        var lines: [(String, StyleRole)] = []
        let title: String
        var buttons: [(String, Bool)] = []
        switch dialog {
        case .confirm(let action, let focus):
            title = action.verb == .approve ? "Confirm approval" : "Confirm escalation"
            lines = action.summary.map { ($0, .dialog) }
            lines.append(("", .dialog))
            lines.append(("y confirm · n/Esc cancel · Tab switch · Enter = focused button", .textDim))
            buttons = [("[ Cancel ]", focus == .cancel), ("[ \(action.verb == .approve ? "Approve" : "Escalate") ]", focus == .confirm)]
        case .note(let action, let text, let error):
            title = "Escalation note"
            lines = action.summary.prefix(2).map { ($0, .dialog) }
            lines.append(("", .dialog))
            lines.append(("Note: " + text + "▏", .input))
            if let error { lines.append((error, .error)) }
            lines.append(("Enter continue · Esc cancel", .textDim))
        }
        let height = lines.count + (buttons.isEmpty ? 3 : 5)
        let x = max(0, (state.columns - width) / 2)
        let y = max(0, (state.rows - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: title)
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
                     role: StyleRole = .dialog) {
        buffer.fill(x: x, y: y, width: width, height: height, role: role)
        let horizontal = String(repeating: "─", count: max(0, width - 2))
        buffer.put("┌" + horizontal + "┐", x: x, y: y, role: .border)
        for row in 1..<max(1, height - 1) {
            buffer.put("│", x: x, y: y + row, role: .border)
            buffer.put("│", x: x + width - 1, y: y + row, role: .border)
        }
        buffer.put("└" + horizontal + "┘", x: x, y: y + height - 1, role: .border)
        buffer.put(" \(title) ", x: x + 2, y: y, role: .dialogTitle, bold: true, maxColumns: width - 4)
    }
}
