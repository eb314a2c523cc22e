import Terminal

/// One piece of a one-line bar (the status line, a note on the message line): its forms from
/// the longest to the shortest, and how much it matters. Text from a server is made inert
/// before it is measured, so the width is the one drawn.
struct BarPart: Equatable {
    var forms: [String]
    var role: StyleRole
    /// Higher is kept longer: the least important parts shrink, then go, first.
    var importance: Int
    /// False: the part's shortest form stays, whatever the width.
    var droppable = true

    init(_ forms: [String], role: StyleRole, importance: Int, droppable: Bool = true) {
        self.forms = forms.map(Inert.text).filter { !$0.isEmpty }
        self.role = role
        self.importance = importance
        self.droppable = droppable
    }
}

/// Fits bar parts into a width by shrinking whole parts, never by cutting one mid-word: the
/// least important part takes its next shorter form, or leaves, until the line fits.
enum BarFit {
    /// The text each part shows (nil: left out), in the parts' order. `separator` goes between
    /// two shown parts; `leading` before the first.
    static func fit(_ parts: [BarPart], width: Int, separator: Int, leading: Int = 0) -> [String?] {
        var choice: [Int?] = parts.map { $0.forms.isEmpty ? nil : 0 }
        func texts() -> [String?] { zip(parts, choice).map { part, index in index.map { part.forms[$0] } } }
        func leastImportant(_ indices: [Int]) -> Int? {
            // Of equals, the rightmost: the bars put what matters most on the left.
            indices.min { parts[$0].importance < parts[$1].importance || (parts[$0].importance == parts[$1].importance && $0 > $1) }
        }
        while columns(texts(), separator: separator, leading: leading) > width {
            let canGiveWay = parts.indices.filter { index in
                guard let form = choice[index] else { return false }
                return form + 1 < parts[index].forms.count || parts[index].droppable
            }
            guard let index = leastImportant(canGiveWay), let form = choice[index] else { break }
            choice[index] = form + 1 < parts[index].forms.count ? form + 1 : nil
        }
        var fitted = texts()
        // Only parts that may not go are left, and still too wide: the least important of them
        // is cut after a whole word (or leaves, when not even its first word fits).
        while columns(fitted, separator: separator, leading: leading) > width,
              let index = leastImportant(fitted.indices.filter { fitted[$0] != nil }), let text = fitted[index] {
            let over = columns(fitted, separator: separator, leading: leading) - width
            fitted[index] = WordCut.cut(text, toColumns: TextWidth.columns(text) - over)
        }
        return fitted
    }

    /// The width of the shown texts with their separators.
    static func columns(_ texts: [String?], separator: Int, leading: Int) -> Int {
        let shown = texts.compactMap { $0.map(TextWidth.columns) }
        return shown.reduce(0, +) + (shown.isEmpty ? 0 : leading + separator * (shown.count - 1))
    }
}

/// Cuts text after a whole word, never inside one.
enum WordCut {
    /// The longest run of whole words that fits `columns` with an ellipsis after it; the text
    /// itself when it fits; nil when not even its first word does.
    static func cut(_ text: String, toColumns columns: Int) -> String? {
        if TextWidth.columns(text) <= columns { return text }
        var best: String?
        var prefix = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let next = prefix.isEmpty ? String(word) : prefix + " " + word
            let trimmed = next.trimmingTrailingPunctuation
            if !trimmed.isEmpty, TextWidth.columns(trimmed) + 1 <= columns { best = trimmed + "…" } else if !prefix.isEmpty { break }
            prefix = next
        }
        return best
    }
}

extension String {
    /// Without the separators a cut would otherwise leave before its ellipsis ("a, b,…").
    fileprivate var trimmingTrailingPunctuation: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "," || last == "·" || last == "—" || last == ":" { text = text.dropLast() }
        return String(text)
    }
}
