import Terminal

/// The `?` overlay: every action available here, straight from the registry.
enum HelpView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        let specs = ActionRegistry.available(on: state.pane, readOnly: state.isReadOnly)
        let width = min(60, state.columns - 4)
        let height = min(state.rows - 2, specs.count + 4)
        let x = max(0, (state.columns - width) / 2)
        let y = max(0, (state.rows - height) / 2)
        Box.draw(into: &buffer, x: x, y: y, width: width, height: height, title: "Keys — \(state.pane.title)",
                 role: .help)
        for (index, spec) in specs.prefix(height - 4).enumerated() {
            buffer.put(TextWidth.pad(spec.keyLabel, toColumns: 8), x: x + 2, y: y + 2 + index, role: .help, bold: true)
            buffer.put(spec.description, x: x + 11, y: y + 2 + index, role: .help, maxColumns: width - 13)
        }
        buffer.put("any key closes", x: x + 2, y: y + height - 1, role: .textDim)
    }
}
