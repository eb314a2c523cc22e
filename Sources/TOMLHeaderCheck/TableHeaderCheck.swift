/// Finds a TOML table header with no name (`[`, `[[[`, `[#`, `[.a]` at the start of a line).
///
/// TOMLKit 0.6's parser (toml++) asserts, and so aborts the process, on such a header in a
/// debug build (and goes on undefined in a release one) instead of reporting a syntax error.
/// A config file or a theme is user input: this check runs first and turns that into the usual message
/// with its line. It tracks strings, comments and arrays, so a line of an array value that
/// starts with `[` is not taken for a header.
public enum TableHeaderCheck {
    /// Line and column (both from 1) of the first header whose name does not start as a key
    /// must (a bare key character or a quote), or nil.
    public static func firstNamelessHeader(in text: String) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, lineStart = 0, depth = 0
        var atLineStart = true
        func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                index += 1; line += 1; lineStart = index; atLineStart = true
                continue
            }
            if atLineStart, scalar == " " || scalar == "\t" { index += 1; continue }
            if atLineStart, depth == 0, scalar == "[" {
                var cursor = index + 1
                if cursor < scalars.count, scalars[cursor] == "[" { cursor += 1 }
                while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" { cursor += 1 }
                let next = cursor < scalars.count ? scalars[cursor] : "\n"
                if !(isBareKey(next) || next == "\"" || next == "'" || next == "]") {
                    return (line, cursor - lineStart + 1)
                }
                // A well-formed header: the rest of its line is the parser's to judge.
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            atLineStart = false
            switch scalar {
            case "#":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            case "\"", "'":
                let triple = peek(1) == scalar && peek(2) == scalar
                index += triple ? 3 : 1
                while index < scalars.count {
                    let current = scalars[index]
                    if current == "\\" && scalar == "\"" {
                        if peek(1) == "\n" { line += 1; lineStart = index + 2 }
                        index += 2
                        continue
                    }
                    if current == "\n" {
                        if !triple { break }  // an unterminated string: the parser will say so
                        line += 1; lineStart = index + 1
                    }
                    if current == scalar && (!triple || (peek(1) == scalar && peek(2) == scalar)) {
                        index += triple ? 3 : 1
                        break
                    }
                    index += 1
                }
                continue
            case "[": depth += 1
            case "]": depth = max(0, depth - 1)
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            || value == 0x2D || value == 0x5F
    }
}
