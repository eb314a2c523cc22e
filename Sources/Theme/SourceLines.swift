/// TOMLKit reports positions only for syntax errors, so for a bad value we find the
/// line where its key is written. A best effort: nil when the key cannot be found.
enum SourceLines {
    /// The key's line, or else the line of its longest prefix found (a field inside
    /// `"ui.text" = { … }` is reported at `ui.text`).
    static func line(ofKey key: String, in text: String) -> Int? {
        ThemeKeys.prefixes(of: key).lazy.compactMap { exactLine(ofKey: $0, in: text) }.first
    }

    private static func exactLine(ofKey key: String, in text: String) -> Int? {
        let lastPart = key.split(separator: ".").last.map(String.init) ?? key
        let starts = ["\"\(key)\"", "'\(key)'", "[\(key)]", "[\"\(key)\"]"]
        let bareStarts = [key, lastPart]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if starts.contains(where: { line.hasPrefix($0) }) { return index + 1 }
            for bare in bareStarts where line.hasPrefix(bare) {
                let rest = line.dropFirst(bare.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == "=" { return index + 1 }
            }
        }
        return nil
    }
}
