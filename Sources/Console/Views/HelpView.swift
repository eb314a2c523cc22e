import Terminal

/// The `?` overlay: every action available here, straight from the registry (with the
/// config's key overrides). Two columns when one does not fit the screen's height.
enum HelpView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let specs = ActionRegistry.available(on: state.pane, readOnly: state.isReadOnly)
        let maxRows = max(1, state.rows - 6)
        let columns = specs.count > maxRows ? 2 : 1
        let perColumn = (specs.count + columns - 1) / columns
        let columnWidth = min(48, (state.columns - 6) / columns)
        let width = columnWidth * columns + 4
        let height = min(state.rows - 2, perColumn + 4)
        let x = max(0, (state.columns - width) / 2)
        let y = max(0, (state.rows - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: "Keys — \(PaneTable.title(of: state.pane))",
                 role: .help)
        for (index, spec) in specs.enumerated() {
            let column = index / perColumn
            let row = index % perColumn
            guard row < height - 4 else { continue }
            let left = x + 2 + column * columnWidth
            buffer.put(TextWidth.pad(state.keymap.label(of: spec), toColumns: 8), x: left, y: y + 2 + row, role: .help,
                       bold: true)
            buffer.put(spec.description, x: left + 9, y: y + 2 + row, role: .help, maxColumns: columnWidth - 11)
        }
        buffer.put("any key closes", x: x + 2, y: y + height - 1, role: .textDim)
    }
}
