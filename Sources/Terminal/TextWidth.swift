/// Display width in terminal columns, computed in pure Swift so layout is testable
/// without a terminal and does not depend on the C library's locale tables.
public enum TextWidth {
    public static func columns(_ s: String) -> Int {
        if let width = printableASCIIWidth(s) { return width }
        var total = 0
        for grapheme in s {
            total += columns(of: grapheme)
        }
        return total
    }

    /// 0, 1 or 2. A grapheme is as wide as its widest scalar, except that emoji
    /// presentation (pictographs, flags, VS16, ZWJ sequences) always makes it 2.
    public static func columns(of grapheme: Character) -> Int {
        var widest = 0
        var hasEmojiBase = false
        for scalar in grapheme.unicodeScalars {
            let value = scalar.value
            // ASCII without a look at Unicode properties: only # * and digits can start an
            // emoji (a keycap), and controls draw nothing.
            if value < 0x7F {
                if value == 0x23 || value == 0x2A || (0x30...0x39).contains(value) { hasEmojiBase = true }
                widest = max(widest, value < 0x20 ? 0 : 1)
                continue
            }
            let properties = scalar.properties
            if properties.isEmojiPresentation { return 2 }
            if scalar.value == 0xFE0F, hasEmojiBase { return 2 }
            if properties.isEmoji { hasEmojiBase = true }
            widest = max(widest, columns(ofScalar: scalar))
        }
        return widest
    }

    static func columns(ofScalar scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return value == 0xAD ? 0 : 1 }
        // Medial vowels and final consonants of conjoining Hangul attach to the
        // leading consonant, which is the wide part of the syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control,
             .lineSeparator, .paragraphSeparator, .surrogate:
            return 0
        default:
            return EastAsianWide.contains(value) ? 2 : 1
        }
    }

    /// Cuts `s` to at most `toColumns` columns, ending in `ellipsis` when something
    /// was cut. Never splits a grapheme; a wide grapheme that would straddle the
    /// limit is dropped rather than half drawn.
    public static func truncate(_ s: String, toColumns limit: Int, ellipsis: String = "…") -> String {
        guard limit > 0 else { return "" }
        if let width = printableASCIIWidth(s) {
            if width <= limit { return s }
            let ellipsisWidth = columns(ellipsis)
            if ellipsisWidth > limit { return asciiPrefix(s, count: limit) }
            return asciiPrefix(s, count: limit - ellipsisWidth) + ellipsis
        }
        if columns(s) <= limit { return s }
        let ellipsisWidth = columns(ellipsis)
        if ellipsisWidth > limit { return prefix(s, fitting: limit) }
        return prefix(s, fitting: limit - ellipsisWidth) + ellipsis
    }

    /// Truncates, then pads with spaces on the right to exactly `toColumns` columns.
    public static func pad(_ s: String, toColumns limit: Int) -> String {
        guard limit > 0 else { return "" }
        let cut = truncate(s, toColumns: limit)
        return cut + String(repeating: " ", count: max(0, limit - columns(cut)))
    }

    /// Truncates, then pads with spaces on the left so the text is right-aligned.
    public static func padLeft(_ s: String, toColumns limit: Int) -> String {
        guard limit > 0 else { return "" }
        let cut = truncate(s, toColumns: limit)
        return String(repeating: " ", count: max(0, limit - columns(cut))) + cut
    }

    /// The width of `s` when it is all printable ASCII (one column a byte), else nil. Most of
    /// what a screen shows is, and it then needs neither grapheme breaking nor Unicode tables.
    public static func printableASCIIWidth(_ s: String) -> Int? {
        let utf8 = s.utf8
        let printable = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 > 0x7E }
        } ?? !utf8.contains { $0 < 0x20 || $0 > 0x7E }
        return printable ? utf8.count : nil
    }

    /// The first `count` characters of a string known to be ASCII.
    private static func asciiPrefix(_ s: String, count: Int) -> String {
        String(s[..<s.utf8.index(s.startIndex, offsetBy: max(0, count))])
    }

    static func prefix(_ s: String, fitting limit: Int) -> String {
        var used = 0
        var end = s.startIndex
        for index in s.indices {
            let width = columns(of: s[index])
            if used + width > limit { break }
            used += width
            end = s.index(after: index)
        }
        return String(s[..<end])
    }
}
