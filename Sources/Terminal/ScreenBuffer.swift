import InertText

/// One screen cell. A wide grapheme occupies two cells: the left one holds it, the
/// right one is a continuation cell with an empty grapheme.
public struct Cell: Hashable, Sendable {
    /// "" marks the right half of a wide grapheme.
    public var grapheme: String
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool

    public init(grapheme: String = " ", role: StyleRole = .plain, bold: Bool = false, underline: Bool = false) {
        self.grapheme = grapheme
        self.role = role
        self.bold = bold
        self.underline = underline
    }

    public static let blank = Cell()

    public var isContinuation: Bool { grapheme.isEmpty }
}

/// The frame the UI composes and a backend presents. All drawing clips silently,
/// so callers can lay out with any coordinates without range checks, and no
/// operation ever leaves half of a wide grapheme behind.
public struct ScreenBuffer: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    private var cells: [Cell]

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    /// Out-of-range coordinates read as a blank cell.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * columns + x]
    }

    public mutating func clear(role: StyleRole = .plain) {
        let cell = Cell(role: role)
        for i in cells.indices { cells[i] = cell }
    }

    public mutating func fill(x: Int, y: Int, width: Int, height: Int, role: StyleRole) {
        let cell = Cell(role: role)
        let left = max(0, x)
        let right = min(columns, x + max(0, width))
        let top = max(0, y)
        let bottom = min(rows, y + max(0, height))
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            splitWideGraphemes(atEdgesOf: left..<right, y: row)
            let start = row * columns
            for index in (start + left)..<(start + right) { cells[index] = cell }
        }
    }

    /// Draws `text` (made inert first) starting at column `x`, clipped to `maxColumns`,
    /// the right edge and the visible rows. A wide grapheme with only one column left
    /// becomes a space. Returns the columns advanced, counting clipped-off parts left
    /// of column 0, so `x += put(...)` keeps working for partly visible text.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, role: StyleRole = .plain,
        bold: Bool = false, underline: Bool = false, maxColumns: Int? = nil
    ) -> Int {
        let rightEdge = columns - x
        let limit = min(maxColumns ?? rightEdge, rightEdge)
        guard limit > 0 else { return 0 }
        let visibleRow = y >= 0 && y < rows
        if let width = TextWidth.printableASCIIWidth(text) {
            return putPrintableASCII(text, width: width, x: x, y: visibleRow ? y : nil, limit: limit,
                                     role: role, bold: bold, underline: underline)
        }
        var used = 0
        for grapheme in Inert.text(text) {
            let width = TextWidth.columns(of: grapheme)
            // Zero-width leftovers (a lone combining mark) have no cell to live in.
            if width == 0 { continue }
            if used + width > limit {
                if used < limit {
                    if visibleRow { store(Cell(grapheme: " ", role: role, bold: bold, underline: underline), x: x + used, y: y) }
                    used += 1
                }
                break
            }
            if visibleRow {
                let column = x + used
                if width == 2 {
                    if column >= 0 {
                        store(Cell(grapheme: String(grapheme), role: role, bold: bold, underline: underline), x: column, y: y)
                        store(Cell(grapheme: "", role: role, bold: bold, underline: underline), x: column + 1, y: y)
                    } else if column + 1 >= 0 {
                        // Left half is off-screen; the right half alone cannot be drawn.
                        store(Cell(grapheme: " ", role: role, bold: bold, underline: underline), x: column + 1, y: y)
                    }
                } else if column >= 0 {
                    store(Cell(grapheme: String(grapheme), role: role, bold: bold, underline: underline), x: column, y: y)
                }
            }
            used += width
        }
        return used
    }

    /// `put` for text that is all printable ASCII: already inert, one cell a byte. `y` is nil
    /// when the row is off screen (only the advance is wanted).
    private mutating func putPrintableASCII(_ text: String, width: Int, x: Int, y: Int?, limit: Int,
                                            role: StyleRole, bold: Bool, underline: Bool) -> Int {
        let drawn = min(width, limit)
        let skipped = max(0, -x)
        guard let y, drawn > skipped else { return drawn }
        splitWideGraphemes(atEdgesOf: (x + skipped)..<(x + drawn), y: y)
        var index = y * columns + x + skipped
        for byte in text.utf8.dropFirst(skipped).prefix(drawn - skipped) {
            cells[index] = Cell(grapheme: Self.asciiGraphemes[Int(byte) - 0x20], role: role, bold: bold, underline: underline)
            index += 1
        }
        return drawn
    }

    /// Before `span` of row `y` is overwritten whole: a wide grapheme reaching into it from
    /// either side loses its other half, which becomes a space (what `store` does cell by cell).
    private mutating func splitWideGraphemes(atEdgesOf span: Range<Int>, y: Int) {
        let start = y * columns
        if span.lowerBound > 0, cells[start + span.lowerBound].isContinuation {
            cells[start + span.lowerBound - 1].grapheme = " "
        }
        if span.upperBound < columns, cells[start + span.upperBound].isContinuation {
            cells[start + span.upperBound].grapheme = " "
        }
    }

    /// The cells of row `y` left to right, lent without copies: a backend compares frames
    /// cell by cell, and copying each cell out costs more than the comparison.
    public func withRow<Result>(_ y: Int, _ body: (UnsafeBufferPointer<Cell>) throws -> Result) rethrows -> Result {
        precondition(y >= 0 && y < rows, "row \(y) of \(rows)")
        return try cells.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[(y * columns)..<((y + 1) * columns)]))
        }
    }

    /// One small string per printable ASCII character, made once.
    private static let asciiGraphemes: [String] = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }

    /// Restyles a span (a selected row) keeping its text; a wide grapheme cut by
    /// either end of the span is restyled whole so its halves stay alike.
    public mutating func setRole(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < rows else { return }
        var left = max(0, x)
        var right = min(columns, x + max(0, width))
        guard left < right else { return }
        if self[x: left, y: y].isContinuation, left > 0 { left -= 1 }
        if right < columns, self[x: right, y: y].isContinuation { right += 1 }
        for column in left..<right { cells[y * columns + column].role = role }
    }

    /// Each row as text with continuation cells skipped, so every line spans exactly
    /// `columns` display columns (trailing spaces kept).
    public func lines() -> [String] {
        (0..<rows).map { row($0) }
    }

    /// All rows joined with "\n", trailing spaces trimmed: handy in test expectations.
    public func text() -> String {
        lines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// Row `y` as text (untrimmed), "" when out of range.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < rows else { return "" }
        var line = ""
        for column in 0..<columns { line += cells[y * columns + column].grapheme }
        return line
    }

    /// The role of every column of row `y`, [] when out of range.
    public func roles(y: Int) -> [StyleRole] {
        guard y >= 0, y < rows else { return [] }
        return (0..<columns).map { cells[y * columns + $0].role }
    }

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < columns && y >= 0 && y < rows
    }

    /// Writes one cell and turns any wide grapheme it cuts in half into a space.
    private mutating func store(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * columns + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1].grapheme = " "
        }
        if !old.isContinuation, x + 1 < columns, cells[index + 1].isContinuation {
            cells[index + 1].grapheme = " "
        }
        cells[index] = cell
    }
}
