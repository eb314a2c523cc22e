import RewardsContract

/// A `details` object as indented JSON lines, keys sorted. Strings are escaped the JSON way,
/// and so are the characters a terminal would obey (C0/C1 controls, bidi overrides): the
/// text shows what the server sent and does nothing to the screen.
enum PrettyJSON {
    static func lines(_ value: JSONValue) -> [String] {
        var lines: [String] = []
        render(value, indent: "", prefix: "", suffix: "", into: &lines)
        return lines
    }

    private static func render(_ value: JSONValue, indent: String, prefix: String, suffix: String,
                               into lines: inout [String]) {
        switch value {
        case .array(let items) where !items.isEmpty:
            lines.append(indent + prefix + "[")
            for (index, item) in items.enumerated() {
                render(item, indent: indent + "  ", prefix: "", suffix: index < items.count - 1 ? "," : "", into: &lines)
            }
            lines.append(indent + "]" + suffix)
        case .object(let fields) where !fields.isEmpty:
            lines.append(indent + prefix + "{")
            let keys = fields.keys.sorted()
            for (index, key) in keys.enumerated() {
                guard let field = fields[key] else { continue }
                render(field, indent: indent + "  ", prefix: quoted(key) + ": ",
                       suffix: index < keys.count - 1 ? "," : "", into: &lines)
            }
            lines.append(indent + "}" + suffix)
        default:
            lines.append(indent + prefix + scalar(value) + suffix)
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return number.isFinite ? String(number) : "null"
        case .string(let text): return quoted(text)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if mustEscape(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func mustEscape(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
