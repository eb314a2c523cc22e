import Terminal

/// Draws a header and rows into a region, the selected row highlighted. Every cell goes
/// through `ScreenBuffer.put`, which makes server text inert and cuts it by display width.
enum TableView {
    static func render<Row>(into buffer: inout ScreenBuffer, columns: [Column<Row>], rows: [Row], selected: Int,
                            x: Int, y: Int, width: Int, height: Int, emptyText: String) {
        let shownRows = Array(rows.prefix(max(0, height - 1)))
        let widths = TableLayout.widths(columns, rows: shownRows, width: width)
        var cursor = x
        buffer.fill(x: x, y: y, width: width, height: 1, role: .tableHeader)
        for (column, columnWidth) in zip(columns, widths) where columnWidth > 0 {
            let title = column.alignRight ? TextWidth.padLeft(column.title, toColumns: columnWidth)
                : TextWidth.pad(column.title, toColumns: columnWidth)
            buffer.put(title, x: cursor, y: y, role: .tableHeader, bold: true, maxColumns: columnWidth)
            cursor += columnWidth + 1
        }
        if rows.isEmpty {
            // Wrapped, not cut: it may carry the platform's reason why nothing loads.
            for (index, line) in TextWrap.words(emptyText, width: width - 2).prefix(max(0, height - 2)).enumerated() {
                buffer.put(line, x: x + 1, y: y + 2 + index, role: .textDim, maxColumns: width - 2)
            }
            return
        }
        for (index, row) in shownRows.enumerated() {
            let lineY = y + 1 + index
            let isSelected = index == selected
            let baseRole: StyleRole = isSelected ? .rowSelected : .row
            buffer.fill(x: x, y: lineY, width: width, height: 1, role: baseRole)
            cursor = x
            for (column, columnWidth) in zip(columns, widths) where columnWidth > 0 {
                // Inert before it is cut, so an escape sequence is measured as the `�` it shows as.
                let raw = Inert.text(column.text(row))
                let text = column.alignRight ? TextWidth.padLeft(raw, toColumns: columnWidth)
                    : TextWidth.truncate(raw, toColumns: columnWidth)
                let role = isSelected ? baseRole : (column.role(row) ?? baseRole)
                buffer.put(text, x: cursor, y: lineY, role: role, maxColumns: columnWidth)
                cursor += columnWidth + 1
            }
        }
    }
}
