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
        /// Columns left out, lowest first, when cutting is not enough; nil: always shown.
        var dropOrder: Int?
        init(_ title: String, alignRight: Bool = false, shrinkOrder: Int? = nil, dropOrder: Int? = nil) {
            self.title = title; self.alignRight = alignRight; self.shrinkOrder = shrinkOrder; self.dropOrder = dropOrder
        }
    }

    var columns: [Column]
    var rows: [[String]]
    static let gap = 2
    /// A cut column keeps at least this many display columns (its title may be cut too).
    static let narrowest = 4
    /// Columns are left out before any cut column gets narrower than this.
    static let readable = 10

    /// The lines to print. Given a `width` (a terminal's), a table wider than it has its
    /// cuttable columns cut, with "…" where text was cut, down to `readable`; if that is not
    /// enough its droppable columns are left out in their order (the cuts starting again from
    /// whole cells each time), and only then are cut columns cut down to `narrowest`.
    /// Without a width (a pipe) every column and every cell is printed whole.
    func lines(width: Int?) -> [String] {
        let cells = rows.map { row in columns.indices.map { OutputText.inert($0 < row.count ? row[$0] : "") } }
        let natural = columns.indices.map { index in
            cells.reduce(TextWidth.columns(columns[index].title)) { max($0, TextWidth.columns($1[index])) }
        }
        var shown = Array(columns.indices)
        var widths = natural
        if let width {
            let droppable = columns.indices.filter { columns[$0].dropOrder != nil }
                .sorted { (columns[$0].dropOrder ?? 0, $0) < (columns[$1].dropOrder ?? 0, $1) }
            func fits() -> Bool { shown.reduce(0, { $0 + widths[$1] }) + Self.gap * max(0, shown.count - 1) <= width }
            for next in [nil] + droppable.map(Optional.some) {
                if let next { shown.removeAll { $0 == next } }
                widths = Self.cut(natural, shown: shown, columns: columns, to: width, floor: Self.readable)
                if fits() { break }
            }
            if !fits() { widths = Self.cut(natural, shown: shown, columns: columns, to: width, floor: Self.narrowest) }
        }
        let header = shown.map { Self.fit(columns[$0].title, widths[$0], alignRight: columns[$0].alignRight) }
        return ([header] + cells.map { row in
            shown.map { Self.fit(row[$0], widths[$0], alignRight: columns[$0].alignRight) }
        }).map { Self.join($0) }
    }

    /// The widths after cutting the shown cuttable columns toward `width`: always the widest
    /// of them by one column (on a tie, the first in cutting order), so they end up about
    /// equally wide rather than one cut to nothing while another stays whole.
    private static func cut(_ natural: [Int], shown: [Int], columns: [Column], to width: Int, floor: Int) -> [Int] {
        var widths = natural
        var excess = shown.reduce(0) { $0 + natural[$1] } + gap * max(0, shown.count - 1) - width
        let cuttable = shown.filter { columns[$0].shrinkOrder != nil }
            .sorted { (columns[$0].shrinkOrder ?? 0, $0) < (columns[$1].shrinkOrder ?? 0, $1) }
        while excess > 0 {
            guard let widest = cuttable.filter({ widths[$0] > floor }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
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
