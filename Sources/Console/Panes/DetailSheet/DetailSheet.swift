import Terminal

/// One line of an item's detail view: a field's label and value (or the value's continuation),
/// a heading, or text across the width.
struct SheetLine: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case field, heading, text }
    var label: String
    var text: String
    var role: StyleRole
    var kind: Kind
}

/// The body of a review's or redemption's view: labelled fields whose values wrap by display
/// width (server text made inert first, so nothing a terminal obeys gets through and nothing
/// is cut mid-grapheme), headings and paragraphs. A pure function of the content and the width,
/// so the view scrolls through it and tests read it line by line.
struct DetailSheet {
    static let labelWidth = 13
    private(set) var lines: [SheetLine] = []
    let columns: Int

    init(columns: Int) { self.columns = columns }

    var valueWidth: Int { max(10, columns - Self.labelWidth - 2) }
    var fullWidth: Int { max(10, columns - 4) }

    /// A labelled value, wrapped under its label.
    mutating func field(_ label: String, _ value: String, _ role: StyleRole = .text) {
        for (index, part) in TextWrap.words(value, width: valueWidth).enumerated() {
            lines.append(SheetLine(label: index == 0 ? label : "", text: part, role: role, kind: .field))
        }
    }

    mutating func heading(_ text: String) {
        blank()
        lines.append(SheetLine(label: text, text: "", role: .title, kind: .heading))
    }

    /// Text across the width, indented.
    mutating func paragraph(_ text: String, _ role: StyleRole = .text) {
        for part in TextWrap.words(text, width: fullWidth) {
            lines.append(SheetLine(label: "", text: "  " + part, role: role, kind: .text))
        }
    }

    mutating func blank() {
        if let last = lines.last, last.kind == .text, last.text.isEmpty { return }
        lines.append(SheetLine(label: "", text: "", role: .text, kind: .text))
    }

    /// Lines below the title line that fit in a view `height` rows tall.
    static func bodyHeight(_ height: Int) -> Int { max(1, height - 1) }

    /// The furthest the view scrolls: the last line at the bottom, with the line that says
    /// where we are.
    static func maxScroll(lineCount: Int, height: Int) -> Int {
        let body = bodyHeight(height)
        return lineCount <= body ? 0 : lineCount - (body - 1)
    }

    /// The title bar (the item, and the keys on the right), then the lines from `scroll` on.
    static func render(title: String, keys: String, lines: [SheetLine], scroll: Int, width: Int,
                       into buffer: inout ScreenBuffer, y: Int, height: Int) {
        buffer.fill(x: 0, y: y, width: width, height: height, role: .text)
        buffer.fill(x: 0, y: y, width: width, height: 1, role: .tableHeader)
        // The keys stay on the right as long as the title keeps room to say which item it is.
        let keysWidth = TextWidth.columns(keys)
        let titleRoom = width - keysWidth - 3 >= 24 ? width - keysWidth - 3 : width - 2
        buffer.put(title, x: 1, y: y, role: .tableHeader, bold: true, maxColumns: titleRoom)
        if titleRoom < width - 2 {
            buffer.put(keys, x: width - keysWidth - 1, y: y, role: .tableHeader)
        }
        let body = bodyHeight(height)
        let overflow = lines.count > body
        let shown = overflow ? body - 1 : body
        let start = overflow ? max(0, min(scroll, lines.count - shown)) : 0
        for (index, line) in lines.dropFirst(start).prefix(shown).enumerated() {
            let lineY = y + 1 + index
            switch line.kind {
            case .heading:
                buffer.put(line.label, x: 1, y: lineY, role: .title, bold: true, maxColumns: width - 2)
            case .field:
                if !line.label.isEmpty {
                    buffer.put(line.label, x: 1, y: lineY, role: .textDim, maxColumns: labelWidth)
                }
                buffer.put(line.text, x: labelWidth + 1, y: lineY, role: line.role, maxColumns: width - labelWidth - 1)
            case .text:
                buffer.put(line.text, x: 0, y: lineY, role: line.role, maxColumns: width)
            }
        }
        if overflow {
            let last = min(lines.count, start + shown)
            buffer.put("lines \(start + 1)–\(last) of \(lines.count) · j/k PgDn/PgUp scroll", x: 1, y: y + height - 1,
                       role: .textDim, maxColumns: width - 2)
        }
    }
}
