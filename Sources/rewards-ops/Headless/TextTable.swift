import Terminal

/// An aligned table for a terminal or a pipe: columns two spaces apart, each as wide as its
/// widest cell in display columns (CJK and emoji count two). Cells are made inert here, so
/// no caller can forget to.
struct TextTable {
    struct Column {
        var title: String
        var alignRight = false
        /// Columns that may be cut when the terminal is too narrow, lowest first; nil: never
        /// cut (ids, states: what a row is and what happened to it).
        var shrinkOrder: Int?
        init(_ title: String, alignRight: Bool = false, shrinkOrder: Int? = nil) {
            self.title = title; self.alignRight = alignRight; self.shrinkOrder = shrinkOrder
        }
    }

    var columns: [Column]
    var rows: [[String]]
    static let gap = 2
    /// A cut column keeps at least this many display columns (its title may be cut too).
    static let narrowest = 4

    /// The lines to print. Given a `width` (a terminal's), a table wider than it has its
    /// cuttable columns cut, in their order, each down to `narrowest` at most, with "…" where
    /// text was cut; without one (a pipe) every cell is printed whole.
    func lines(width: Int?) -> [String] {
        let cells = rows.map { row in columns.indices.map { OutputText.inert($0 < row.count ? row[$0] : "") } }
        var widths = columns.indices.map { index in
            cells.reduce(TextWidth.columns(columns[index].title)) { max($0, TextWidth.columns($1[index])) }
        }
        if let width {
            var excess = widths.reduce(0, +) + Self.gap * max(0, columns.count - 1) - width
            let cuttable = columns.indices.filter { columns[$0].shrinkOrder != nil }
                .sorted { (columns[$0].shrinkOrder ?? 0, $0) < (columns[$1].shrinkOrder ?? 0, $1) }
            for index in cuttable where excess > 0 {
                let cut = min(excess, max(0, widths[index] - Self.narrowest))
                widths[index] -= cut
                excess -= cut
            }
        }
        let header = columns.indices.map { Self.fit(columns[$0].title, widths[$0], alignRight: columns[$0].alignRight) }
        return ([header] + cells.map { row in
            columns.indices.map { Self.fit(row[$0], widths[$0], alignRight: columns[$0].alignRight) }
        }).map { Self.join($0) }
    }

    /// Cut to `width` (with "…") if longer, then padded to it.
    private static func fit(_ text: String, _ width: Int, alignRight: Bool) -> String {
        alignRight ? TextWidth.padLeft(text, toColumns: width) : TextWidth.pad(text, toColumns: width)
    }

    private static func join(_ cells: [String]) -> String {
        var line = cells.joined(separator: String(repeating: " ", count: gap))
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// Label and value lines (one object's fields), the labels padded to one width.
struct FieldList {
    var fields: [(label: String, value: String)]

    func lines(width: Int?) -> [String] {
        let labelWidth = fields.map { TextWidth.columns($0.label) }.max() ?? 0
        return fields.map { field in
            let value = OutputText.inert(field.value)
            let room = width.map { max(TextTable.narrowest, $0 - labelWidth - TextTable.gap) }
            let shown = room.map { TextWidth.truncate(value, toColumns: $0) } ?? value
            return TextWidth.pad(field.label, toColumns: labelWidth) + String(repeating: " ", count: TextTable.gap) + shown
        }
    }
}
