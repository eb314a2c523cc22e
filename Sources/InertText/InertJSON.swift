extension Inert {
    /// JSON text whose strings can reach a terminal unharmed (`doctor --json`, `export --json`
    /// piped to `less` or a pane): every C0 and C1 control, DEL, bidi control and U+2028/2029
    /// is written as a `\uXXXX` escape. The document means exactly what it meant (a JSON
    /// parser reads the same strings back); only the bytes on the wire change.
    ///
    /// `json` must be JSON as an encoder wrote it: outside strings it holds none of these
    /// characters but the whitespace between tokens (tab, line feed, carriage return), which
    /// stays; inside strings an encoder never leaves those three raw. So every character
    /// escaped is inside a string, where an escape is valid.
    public static func json(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsJSONEscape) else { return json }
        var output = String.UnicodeScalarView()
        output.reserveCapacity(json.unicodeScalars.count + 16)
        for scalar in json.unicodeScalars {
            guard needsJSONEscape(scalar) else {
                output.append(scalar)
                continue
            }
            output.append(contentsOf: "\\u".unicodeScalars)
            output.append(contentsOf: hex4(scalar.value).unicodeScalars)
        }
        return String(output)
    }

    /// The same for JSON bytes; bytes that are not UTF-8 are returned as they are (an
    /// encoder never writes them).
    public static func json(_ bytes: [UInt8]) -> [UInt8] {
        // Every character that needs an escape is a control, DEL, or starts with 0xC2 (C1)
        // or 0xD8/0xE2 (bidi, U+2028/2029): most documents are returned after one scan.
        guard bytes.contains(where: { ($0 < 0x20 && !isJSONWhitespace(UInt32($0))) || $0 == 0x7F || $0 == 0xC2
                                      || $0 == 0xD8 || $0 == 0xE2 }),
              let text = String(validating: bytes, as: UTF8.self) else { return bytes }
        return Array(json(text).utf8)
    }

    static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && !isJSONWhitespace(value)) || (0x7F...0x9F).contains(value) || isBidiControl(value) || value == 0x2028 || value == 0x2029
    }

    /// Whitespace between JSON tokens; never raw inside an encoder's strings.
    private static func isJSONWhitespace(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var text = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            text.unicodeScalars.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return text
    }
}
