import RewardsContract

/// The sandbox's one JSON writer and its one string escaper: JSON written straight into a byte
/// buffer, escaped exactly as JSONEncoder escapes (`"`, `\`, and control characters; slashes
/// and non-ASCII text as they are). Stored objects (`FastObjectJSON`), list pages, feed entries
/// and the startup line are all written with it. Building a million members' JSON from small
/// `String` appends spent most of its time allocating.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A fixed piece of JSON syntax, such as `,"name":`.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    mutating func null() {
        raw("null")
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
            let hex = Array("0123456789abcdef".utf8)
            raw("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }

    /// A free-form value (`details`) as JSONEncoder writes it with sorted keys; nil when it holds
    /// a floating-point number, whose formatting is left to JSONEncoder itself.
    mutating func value(_ value: JSONValue) -> Bool {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(Int(number))
        case .double: return false
        case .string(let text): string(text)
        case .array(let items):
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                guard self.value(item) else { return false }
            }
            raw("]")
        case .object(let fields):
            raw("{")
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { raw(",") }
                string(key)
                raw(":")
                guard let field = fields[key], self.value(field) else { return false }
            }
            raw("}")
        }
        return true
    }
}
