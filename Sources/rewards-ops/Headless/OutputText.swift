import Terminal

/// The one place the headless commands make text from the server safe to print. Every table
/// cell, message line and JSON document they write goes through here, so a shared
/// implementation can replace these two bodies in one line each.
enum OutputText {
    /// For text on a terminal or in a pipe: no escape sequence, control character or bidi
    /// override survives (the console's own rule, `Inert`).
    static func inert(_ text: String) -> String { Inert.text(text) }

    /// For encoded JSON: every C0 control, DEL, C1 control, bidi control and line or paragraph
    /// separator still raw in it is written as a `\u` escape. JSON's structure is ASCII, so
    /// any such scalar sits inside a string, where the escape means the same character; the
    /// encoder's own newlines between values stay as they are.
    static func json(_ encoded: String) -> String {
        guard encoded.unicodeScalars.contains(where: needsEscape) else { return encoded }
        var out = String.UnicodeScalarView()
        for scalar in encoded.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
