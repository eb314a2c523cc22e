import Foundation
import RewardsContract

extension RequestLog {
    /// The same values as `columnValues`, in `RequestLog.columns` order (a test holds the rows
    /// they store equal). Request logs are a fifth of a bootstrap's rows; through `columnValues`
    /// each cost 25,000 instructions, most of it Foundation's JSONEncoder on `details`.
    func bindFields(_ binder: inout RowBinder) {
        binder.head(id, version, createdAt, updatedAt)
        binder.text(requestId)
        binder.text(at.raw)
        binder.double(epoch(at))
        binder.text(method)
        binder.text(path)
        binder.int(httpStatus)
        binder.text(code.rawValue)
        binder.text(message)
        binder.bool(retryable)
        binder.text(idempotencyKey)
        binder.text(details.flatMap(\.storedText))
    }
}

extension JSONValue {
    /// The text the mirror stores for a log's `details`: JSONEncoder's compact form, written
    /// directly (the same escapes: `\"`, `\\`, `\/`, `\b \t \n \f \r`, `\u00xx` for other
    /// controls). A value holding a double goes through JSONEncoder itself, whose number
    /// format ("1" for 1.0, "1e+300") is not worth repeating; nil when JSONEncoder refuses it
    /// (a non-finite double).
    var storedText: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128)
        guard Self.append(self, to: &bytes) else {
            return (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's text; false at the first double.
    private static func append(_ value: JSONValue, to bytes: inout [UInt8]) -> Bool {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double: return false
        case .string(let text): appendString(text, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                guard append(item, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in fields {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                guard append(item, to: &bytes) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
