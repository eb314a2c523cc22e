import Terminal

/// One column of a table: a title, a width (0 = share what is left) and how a row reads.
struct Column<Row> {
    var title: String
    var width: Int
    var alignRight = false
    var text: (Row) -> String
    var role: (Row) -> StyleRole? = { _ in nil }
}

/// Draws a header and rows into a region, the selected row highlighted. Every cell goes
/// through `ScreenBuffer.put`, which makes server text inert and cuts it by display width.
enum TableView {
    static func render<Row>(into buffer: inout ScreenBuffer, columns: [Column<Row>], rows: [Row], selected: Int,
                            x: Int, y: Int, width: Int, height: Int, emptyText: String) {
        let widths = layout(columns, width: width)
        var cursor = x
        buffer.fill(x: x, y: y, width: width, height: 1, role: .tableHeader)
        for (column, columnWidth) in zip(columns, widths) where columnWidth > 0 {
            let title = column.alignRight ? TextWidth.padLeft(column.title, toColumns: columnWidth)
                : TextWidth.pad(column.title, toColumns: columnWidth)
            buffer.put(title, x: cursor, y: y, role: .tableHeader, bold: true, maxColumns: columnWidth)
            cursor += columnWidth + 1
        }
        if rows.isEmpty {
            buffer.put(emptyText, x: x + 1, y: y + 2, role: .textDim, maxColumns: width - 2)
            return
        }
        for (index, row) in rows.prefix(max(0, height - 1)).enumerated() {
            let lineY = y + 1 + index
            let isSelected = index == selected
            let baseRole: StyleRole = isSelected ? .rowSelected : .row
            buffer.fill(x: x, y: lineY, width: width, height: 1, role: baseRole)
            cursor = x
            for (column, columnWidth) in zip(columns, widths) where columnWidth > 0 {
                let raw = column.text(row)
                let text = column.alignRight ? TextWidth.padLeft(raw, toColumns: columnWidth)
                    : TextWidth.truncate(raw, toColumns: columnWidth)
                let role = isSelected ? baseRole : (column.role(row) ?? baseRole)
                buffer.put(text, x: cursor, y: lineY, role: role, maxColumns: columnWidth)
                cursor += columnWidth + 1
            }
        }
    }

    /// Fixed columns get their width; flexible ones share the rest. On a narrow screen the
    /// rightmost fixed columns are dropped rather than every column squeezed to nothing.
    static func layout<Row>(_ columns: [Column<Row>], width: Int) -> [Int] {
        let minimumFlexible = 8
        var shown = Array(repeating: true, count: columns.count)
        let flexible = columns.indices.filter { columns[$0].width == 0 }
        func fixedTotal() -> Int {
            let visible = columns.indices.filter { shown[$0] }
            let fixed = visible.filter { columns[$0].width > 0 }.map { columns[$0].width }.reduce(0, +)
            return fixed + max(0, visible.count - 1)
        }
        while fixedTotal() + minimumFlexible * flexible.count > width,
              let drop = columns.indices.last(where: { shown[$0] && columns[$0].width > 0 && $0 > 0 }) {
            shown[drop] = false
        }
        let spare = max(0, width - fixedTotal())
        var widths = columns.indices.map { shown[$0] ? columns[$0].width : 0 }
        for (offset, index) in flexible.enumerated() {
            let share = spare / flexible.count
            widths[index] = offset == flexible.count - 1 ? spare - share * (flexible.count - 1) : share
        }
        return widths
    }
}
