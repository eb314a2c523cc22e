/// A strict, allocation-light reader of JSON bytes for the few shapes the bootstrap reads in
/// bulk. It never guesses: anything it does not fully understand (a number with a fraction or
/// an exponent, an integer out of range, invalid UTF-8, a lone surrogate, a duplicate key,
/// trailing bytes) throws `JSONScanner.Unsupported`, and the caller decodes the page again with
/// Foundation's JSONDecoder, which then accepts it or names the error.
struct JSONScanner {
    struct Unsupported: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next significant byte, without consuming it.
    mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw Unsupported() }
        return bytes[position]
    }

    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Unsupported() }
        position += 1
    }

    /// Consumes `byte` if it comes next.
    mutating func take(_ byte: UInt8) throws -> Bool {
        guard try peek() == byte else { return false }
        position += 1
        return true
    }

    /// Reads `null` if it comes next.
    mutating func takeNull() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw Unsupported()
        }
    }

    private mutating func literal(_ text: StaticString) throws {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Unsupported() }
        for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { throw Unsupported() }
        position += count
    }

    /// An integer written as JSON's plain `-?(0|[1-9][0-9]*)`, within Int's range.
    mutating func int() throws -> Int {
        _ = try peek()
        var negative = false
        if bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        let start = position
        var magnitude: UInt64 = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(bytes[position] - 0x30))
            guard !overflowTimes, !overflowSum else { throw Unsupported() }
            magnitude = sum
            position += 1
        }
        let digits = position - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { throw Unsupported() }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unsupported()
            default: break
            }
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw Unsupported() }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw Unsupported() }
        return Int(magnitude)
    }

    /// A string's raw bytes (between the quotes) when it holds no escape, for comparing keys.
    mutating func key() throws -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return slice
            }
            // Keys of the contract are plain ASCII; an escaped or control byte goes to the strict decoder.
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { throw Unsupported() }
            position += 1
        }
        throw Unsupported()
    }

    /// A JSON string as a Swift String: valid UTF-8 only, escapes decoded, a lone surrogate refused.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        var ascii = true
        // Eight bytes at a time while none of them can end the string or needs a look (a quote,
        // a backslash, a control byte); the first word that might goes byte by byte below.
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            if Self.mayNeedALook(word) { break }
            if word & 0x8080_8080_8080_8080 != 0 { ascii = false }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else { throw Unsupported() }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw Unsupported() }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        throw Unsupported()
    }

    /// Whether any of the word's bytes is a quote, a backslash or below 0x20 (a byte above a true
    /// one may be flagged too: only a cost, never a miss).
    @inline(__always)
    static func mayNeedALook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// The slow path of `string()`, from the opening quote's next byte, once an escape is seen.
    private mutating func escapedString(from start: Int) throws -> String {
        var out: [UInt8] = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw Unsupported() }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Unsupported() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = UInt32(try hex4())
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                              bytes[position + 1] == UInt8(ascii: "u") else { throw Unsupported() }
                        position += 2
                        let low = UInt32(try hex4())
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw Unsupported()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Unsupported() }
                    out.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
                default:
                    throw Unsupported()
                }
            default:
                guard byte >= 0x20 else { throw Unsupported() }
                out.append(byte)
            }
        }
        throw Unsupported()
    }

    private mutating func hex4() throws -> UInt16 {
        guard position + 4 <= bytes.count else { throw Unsupported() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Unsupported()
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// Skips an array or object by its brackets alone, strings jumped over by their quotes:
    /// nothing in it is checked, so only for bytes that a strict read goes over afterwards
    /// (the rows of a page, skipped to reach its cursor first). Depth-bounded like `skipValue`.
    mutating func skipBracketed() throws {
        let open = try peek()
        guard open == UInt8(ascii: "[") || open == UInt8(ascii: "{") else { throw Unsupported() }
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                guard depth <= 64 else { throw Unsupported() }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    position += 1
                    return
                }
            case UInt8(ascii: "\""):
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                }
            default:
                break
            }
            position += 1
        }
        throw Unsupported()
    }

    /// Skips any JSON value (an unknown field: the contract says to ignore it), depth-bounded.
    mutating func skipValue(depth: Int = 0) throws {
        guard depth < 64 else { throw Unsupported() }
        switch try peek() {
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "{"):
            position += 1
            if try take(UInt8(ascii: "}")) { return }
            repeat {
                _ = try string()
                try expect(UInt8(ascii: ":"))
                try skipValue(depth: depth + 1)
            } while try take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            position += 1
            if try take(UInt8(ascii: "]")) { return }
            repeat { try skipValue(depth: depth + 1) } while try take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "]"))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            _ = try takeNull()
        default:
            try skipNumber()
        }
    }

    /// Any JSON number, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?` (only skipped, never converted).
    private mutating func skipNumber() throws {
        func digits() -> Int {
            let start = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - start
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == 0x30) else { throw Unsupported() }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw Unsupported() }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw Unsupported() }
        }
    }

    /// Whether `key` is exactly the ASCII text `name`.
    static func equals(_ key: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard key.count == count else { return false }
        for offset in 0..<count where key[offset] != name.utf8Start[offset] { return false }
        return true
    }
}
