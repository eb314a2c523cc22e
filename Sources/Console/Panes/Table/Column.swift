import Terminal

/// One column of a table: a title, a width (0 = flexible: sized to its content, sharing what
/// the fixed columns leave) and how a row reads.
struct Column<Row> {
    /// What a screen too narrow for every column does with this one.
    enum Dropping: Sendable, Hashable {
        /// Always shown: it carries state the operator acts on (the id, the status, the outcome).
        case never
        /// Left out before the columns of a higher rank (among equal ranks, the rightmost first).
        case rank(Int)
    }

    var title: String
    var width: Int
    var alignRight = false
    /// A flexible column is not made narrower than this while a column can be left out instead.
    var minWidth = 8
    /// Nil: a fixed column may be left out (the rightmost first, never the first column), a
    /// flexible one only narrows.
    var dropping: Dropping?
    var text: (Row) -> String
    var role: (Row) -> StyleRole? = { _ in nil }

    init(title: String, width: Int, alignRight: Bool = false, minWidth: Int = 8, dropping: Dropping? = nil,
         text: @escaping (Row) -> String, role: @escaping (Row) -> StyleRole? = { _ in nil }) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.minWidth = minWidth
        self.dropping = dropping
        self.text = text
        self.role = role
    }

    var isFlexible: Bool { width == 0 }
}

/// Widths of text as a table shows it: made inert first, so an escape sequence counts as the
/// one `�` it becomes.
enum CellText {
    static func width(_ raw: String) -> Int {
        TextWidth.printableASCIIWidth(raw) ?? TextWidth.columns(Inert.text(raw))
    }

    /// As wide as the widest text (and the title), within `limit`: a column sized to what it
    /// shows, so an id is never cut while there is room for it.
    static func fit(_ texts: [String], title: String, limit: Int = 40) -> Int {
        min(limit, max(width(title), texts.map(width).max() ?? 0))
    }
}
