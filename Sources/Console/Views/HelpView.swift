import Terminal

/// The `?` overlay: every action available here, straight from the registry (with the
/// config's key overrides), then every `:` command. It takes the screen's width: as many
/// columns as the entries need to fit its height, a long description wrapped, not cut.
enum HelpView {
    struct Entry: Equatable {
        var key: String
        var text: String
    }

    /// Actions listed on one line, with what the line says: a pair of opposite moves, or the
    /// keys that show a pane (nil: their descriptions joined).
    static let sharedLines: [(actions: [ActionID], text: String?)] = [
        ([.nextPane, .previousPane], "next / previous pane"),
        ([.membersPane, .redemptionsPane, .reviewsPane, .errorsPane], nil),
        ([.down, .up], "down / up"), ([.top, .bottom], "first / last row"), ([.pageDown, .pageUp], "page down / up"),
        ([.halfPageDown, .halfPageUp], "half page down / up"),
    ]

    /// The pane's actions as the overlay lists them; the actions of a shared line (see
    /// `sharedLines`) make one entry, so that every entry fits 80×24.
    static func entries(_ state: AppState) -> [Entry] {
        var entries: [Entry] = []
        var lineEntry: [Int: Int] = [:]
        for spec in ActionRegistry.available(on: state.pane, readOnly: state.isReadOnly) {
            let key = state.keymap.label(of: spec)
            guard let line = sharedLines.firstIndex(where: { $0.actions.contains(spec.id) }) else {
                entries.append(Entry(key: key, text: spec.description))
                continue
            }
            let text = sharedLines[line].text
            if let index = lineEntry[line] {
                // The pane keys are digits: `1/2/3/4`; other keys are words: `PgDn PgUp`.
                entries[index].key += (text == nil ? "/" : " ") + key
                if text == nil { entries[index].text += " / " + spec.description }
            } else {
                lineEntry[line] = entries.count
                entries.append(Entry(key: key, text: text ?? spec.description))
            }
        }
        return entries
    }

    static func commands(_ state: AppState) -> String {
        let names = ActionRegistry.available(on: state.pane, readOnly: state.isReadOnly).flatMap(\.commands)
        return "Commands: " + (names + ["theme NAME", "profile [NAME]"]).map { ":" + $0 }.joined(separator: " ")
    }

    /// One line of a column: the key on an entry's first line, blank on its continuations.
    struct Line: Equatable {
        var key: String
        var text: String
    }

    /// Entries split into columns of lines.
    struct Layout: Equatable {
        var columns: [[Line]]
        var columnWidth: Int
        var keyWidth: Int
        /// Entries that did not fit even in the most columns.
        var leftOut: Int
    }

    static let gap = 2
    static let maxColumns = 4

    /// The fewest columns (within `width`) whose entries fit `height` lines; the last try keeps
    /// what fits and counts the rest.
    static func layout(_ entries: [Entry], width: Int, height: Int) -> Layout {
        let keyWidth = max(8, min(10, entries.map { TextWidth.columns($0.key) }.max() ?? 1))
        var best: Layout?
        for count in 1...maxColumns {
            let columnWidth = (width - gap * (count - 1)) / count
            let textWidth = columnWidth - keyWidth - 1
            guard textWidth >= 12 else { break }
            var columns: [[Line]] = [[]]
            var leftOut = 0
            for entry in entries {
                let lines = TextWrap.words(entry.text, width: textWidth)
                if let current = columns.last, current.count + lines.count > height, !current.isEmpty {
                    if columns.count == count {
                        leftOut += 1
                        continue
                    }
                    columns.append([])
                }
                for (index, line) in lines.enumerated() {
                    columns[columns.count - 1].append(Line(key: index == 0 ? entry.key : "", text: line))
                }
            }
            let layout = Layout(columns: columns, columnWidth: columnWidth, keyWidth: keyWidth, leftOut: leftOut)
            if leftOut == 0 { return layout }
            if best.map({ leftOut < $0.leftOut }) ?? true { best = layout }
        }
        return best ?? Layout(columns: [], columnWidth: width, keyWidth: keyWidth, leftOut: entries.count)
    }

    /// What the overlay holds on this screen: the entries laid out, and the commands wrapped.
    struct Plan {
        var width: Int
        var layout: Layout
        var commandLines: [String]
        var height: Int
    }

    static func plan(_ state: AppState) -> Plan {
        // Over the table, between the tab bar and the status line.
        let width = max(20, state.columns - 2)
        let inner = width - 4
        let commandLines = TextWrap.words(commands(state), width: inner)
        let maxHeight = max(6, state.rows - 2)
        let entryRows = max(1, maxHeight - 2 - commandLines.count)
        var layout = layout(entries(state), width: inner, height: entryRows)
        if layout.leftOut > 0 {
            // The line that says so takes a row.
            layout = self.layout(entries(state), width: inner, height: max(1, entryRows - 1))
        }
        let used = layout.columns.map(\.count).max() ?? 0
        let height = min(maxHeight, used + commandLines.count + 2 + (layout.leftOut > 0 ? 1 : 0))
        return Plan(width: width, layout: layout, commandLines: commandLines, height: height)
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let plan = plan(state)
        let (width, layout, commandLines, height) = (plan.width, plan.layout, plan.commandLines, plan.height)
        let inner = width - 4
        let maxHeight = max(6, state.rows - 2)
        let used = layout.columns.map(\.count).max() ?? 0
        let x = (state.columns - width) / 2
        let y = max(0, 1 + (maxHeight - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: "Keys — \(PaneTable.title(of: state.pane))",
                 role: .help)
        for (columnIndex, column) in layout.columns.enumerated() {
            let left = x + 2 + columnIndex * (layout.columnWidth + gap)
            for (row, line) in column.enumerated() {
                buffer.put(line.key, x: left, y: y + 1 + row, role: .help, bold: true, maxColumns: layout.keyWidth)
                buffer.put(line.text, x: left + layout.keyWidth + 1, y: y + 1 + row, role: .help,
                           maxColumns: layout.columnWidth - layout.keyWidth - 1)
            }
        }
        var lineY = y + 1 + used
        if layout.leftOut > 0 {
            buffer.put("… \(layout.leftOut) more: a larger terminal shows them", x: x + 2, y: lineY, role: .textDim,
                       maxColumns: inner)
            lineY += 1
        }
        for (index, line) in commandLines.enumerated() {
            buffer.put(line, x: x + 2, y: lineY + index, role: .help, maxColumns: inner)
        }
        buffer.put(" any key closes ", x: x + 2, y: y + height - 1, role: .textDim)
    }
}
