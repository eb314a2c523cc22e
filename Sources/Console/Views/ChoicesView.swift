import Terminal

/// What Tab found on the `:` line when it could not complete the text: listed over the table,
/// just above the line, in as many columns as the screen's width holds.
enum ChoicesView {
    static let gap = 2

    static func render(_ choices: [String], state: AppState, into buffer: inout ScreenBuffer) {
        guard !choices.isEmpty else { return }
        let shown = choices.map(label)
        let inner = max(10, state.columns - 4)
        let cell = min(inner, (shown.map { TextWidth.columns($0) }.max() ?? 1) + gap)
        let perLine = max(1, inner / cell)
        // Above the message line, below the tab bar and a table header.
        let maxLines = max(1, state.rows - 6)
        let needed = (shown.count + perLine - 1) / perLine
        let lines = min(needed, maxLines)
        let capacity = lines * perLine
        var cells = shown
        if shown.count > capacity {
            cells = Array(shown.prefix(capacity - 1)) + ["+\(shown.count - capacity + 1) more"]
        }
        let height = lines + 2
        let y = max(1, state.rows - 2 - height)
        Box.draw(into: &buffer, x: 0, y: y, width: state.columns, height: height,
                 title: "\(choices.count) choices: type more, Tab again", role: .help)
        for (index, text) in cells.enumerated() {
            let column = index % perLine
            let row = index / perLine
            buffer.put(text, x: 2 + column * cell, y: y + 1 + row, role: .help, maxColumns: cell - gap)
        }
    }

    /// `theme dark` lists as `dark`: the word being completed.
    static func label(_ choice: String) -> String {
        choice.split(separator: " ").last.map(String.init) ?? choice
    }
}
