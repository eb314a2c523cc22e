import Terminal

/// A dialog's frame: a box in the middle of the screen (red-bordered on a LIVE key) with its
/// lines inside, each cut to the box's text width.
enum CenteredBox {
    /// Draws it and returns its top-left corner, for what the dialog adds (buttons).
    @discardableResult
    static func draw(_ lines: [(String, StyleRole)], width: Int, height: Int, title: String, textWidth: Int,
                     state: AppState, into buffer: inout ScreenBuffer) -> (x: Int, y: Int) {
        let x = max(0, (state.columns - width) / 2)
        let y = max(0, (state.rows - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: title,
                 border: state.environment == .live ? .borderLive : .border)
        for (index, line) in lines.enumerated() {
            buffer.put(line.0, x: x + 2, y: y + 2 + index, role: line.1, maxColumns: textWidth)
        }
        return (x, y)
    }
}
