import Terminal

/// The whole screen as a function of the state. No I/O: views only read the state.
public enum RootView {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(columns: state.columns, rows: state.rows)
        if state.isTooSmall {
            let message = "Terminal too small: \(state.columns)×\(state.rows). rewards-ops needs at least 80×24."
            buffer.put(message, x: 0, y: max(0, state.rows / 2), role: .warn, maxColumns: state.columns)
            buffer.put("Enlarge the window, or press q to quit.", x: 0, y: max(0, state.rows / 2) + 1, role: .textDim,
                       maxColumns: state.columns)
            return buffer
        }
        TabBarView.render(state, into: &buffer)
        let tableY = 1
        let tableHeight = state.tableHeight + 1  // header plus rows
        if let audit = state.audit {
            AuditView.render(audit, state: state, into: &buffer, y: tableY, height: tableHeight)
        } else if let detail = state.detail {
            detail.render(state, into: &buffer, y: tableY, height: tableHeight)
        } else {
            state.panes[state.pane].render(state, into: &buffer, y: tableY, height: tableHeight)
        }
        if let notice = state.notice { NoticeView.render(notice, state: state, into: &buffer) }
        MessageLineView.render(state, into: &buffer, y: state.rows - 2)
        StatusBarView.render(state, into: &buffer, y: state.rows - 1)
        if let choices = state.commandInput?.choices { ChoicesView.render(choices, state: state, into: &buffer) }
        if let dialog = state.dialog { DialogView.render(dialog, state: state, into: &buffer) }
        if let quit = state.quitDialog { QuitDialogView.render(quit, state: state, into: &buffer) }
        if state.showHelp { HelpView.render(state, into: &buffer) }
        return buffer
    }
}

/// The line above the status bar: the filter being typed, or the latest notice.
enum MessageLineView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int) {
        if let input = state.commandInput {
            let x = buffer.put(":", x: 0, y: y, role: .input, bold: true)
            buffer.put(input.text + "▏", x: x, y: y, role: .input)
            return
        }
        if let input = state.filterInput {
            let title = PaneTable.title(of: state.pane).lowercased()
            let x = buffer.put("Filter \(title): " + input.prompt, x: 0, y: y, role: .input, bold: true)
            var end = x + buffer.put(input.text + "▏", x: x, y: y, role: .input)
            // The rows above still answer an older text until the new matches arrive.
            if state.panes[state.pane].isLoading {
                end += buffer.put("  searching…", x: end, y: y, role: .textDim, maxColumns: max(0, state.columns - end))
            }
            putFilterNote(state, into: &buffer, y: y, after: end)
            return
        }
        if let flash = state.flash {
            let role: StyleRole
            switch flash.level {
            case .info: role = .text
            case .success: role = .ok
            case .warning: role = .warn
            case .error: role = .error
            }
            buffer.put(flash.text, x: 0, y: y, role: role, maxColumns: state.columns)
            return
        }
        let line = state.panes[state.pane].messageLine(state)
        let end = line.map { buffer.put($0, x: 0, y: y, role: .textDim, maxColumns: state.columns) } ?? 0
        putFilterNote(state, into: &buffer, y: y, after: end)
    }

    /// At the right, what a filter searched while its list loads or the index is being built
    /// ("340,000 of ~1,000,000 loaded"), in the longest form that fits after the text.
    static func putFilterNote(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, after end: Int) {
        let room = state.columns - end - 2
        guard let note = LoadingTexts.filterNote(state).first(where: { TextWidth.columns($0) <= room }) else { return }
        buffer.put(note, x: state.columns - TextWidth.columns(note), y: y, role: .pending)
    }
}
