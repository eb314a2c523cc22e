import Terminal

/// Long server text broken into lines by display width (after it is made inert, so an
/// escape sequence can neither count as width nor be cut in half).
enum TextWrap {
    /// Greedy word wrap; a word wider than a line is cut by grapheme. Never returns no line.
    static func words(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for piece in Inert.text(text).split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(piece)
            var wordWidth = TextWidth.columns(word)
            while wordWidth > width {
                if currentWidth > 0 {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                let (head, rest) = split(word, width: width)
                lines.append(head)
                word = rest
                wordWidth = TextWidth.columns(word)
            }
            if wordWidth == 0 { continue }
            if currentWidth == 0 {
                current = word
                currentWidth = wordWidth
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                current = word
                currentWidth = wordWidth
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Cuts a line into pieces of at most `width` columns, spaces kept (for JSON lines,
    /// whose indentation means something).
    static func hard(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        var rest = Inert.text(text)
        while TextWidth.columns(rest) > width {
            let (head, tail) = split(rest, width: width)
            lines.append(head)
            rest = tail
        }
        lines.append(rest)
        return lines
    }

    /// The longest head of at most `width` columns (at least one grapheme, so a wide one in
    /// a one-column line cannot loop forever) and the rest.
    static func split(_ text: String, width: Int) -> (String, String) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let columns = TextWidth.columns(of: text[index])
            if used + columns > width && end > text.startIndex { break }
            used += columns
            end = text.index(after: index)
        }
        return (String(text[..<end]), String(text[end...]))
    }
}
