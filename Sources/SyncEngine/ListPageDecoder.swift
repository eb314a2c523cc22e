import RewardsContract

/// Decodes a list page (`{"ok", "data": [...], "page": {...}}`) straight from the response
/// bytes, with `row` reading each object of `data`. It reads any key order and skips unknown
/// fields, as the contract asks; anything else unusual makes it give up (nil), and the page is
/// decoded again by JSONDecoder, which accepts it or names the error. A fuzz test holds the
/// two to the same answers.
enum ListPageDecoder {
    static func decode<Row>(_ bytes: UnsafeRawBufferPointer, row: (inout JSONScanner) throws -> Row) -> Page<Row>? {
        var scanner = JSONScanner(bytes)
        do {
            let page = try envelope(&scanner, row: row)
            scanner.skipWhitespace()
            guard scanner.atEnd else { return nil }
            return page
        } catch {
            return nil
        }
    }

    /// A page's `page` object read before its rows: the bootstrap asks for the next page as
    /// soon as it knows the cursor, while this one is decoded. Nil when that cannot be done
    /// safely (a key twice, no `ok`): the page is then decoded in full before the next request.
    /// The full decode reads the cursor again and must agree.
    ///
    /// Servers put `page` after `data` (ours does): then it is read from the end, without going
    /// over the rows at all (`pageInfoAtEnd`); otherwise the rows are skipped by their brackets.
    static func pageInfo(_ bytes: UnsafeRawBufferPointer) -> PageInfo? {
        pageInfoAtEnd(bytes) ?? pageInfoInOrder(bytes)
    }

    /// The last member of the envelope when it is `"page": …`: the last `"page"` in the final
    /// bytes, preceded by `,`, followed by a page object and the envelope's closing brace,
    /// and nothing else. In valid JSON that can only be the envelope's own key: a quote inside a
    /// string is escaped, and anything nested would leave a second closing brace.
    static func pageInfoAtEnd(_ bytes: UnsafeRawBufferPointer) -> PageInfo? {
        let key: [UInt8] = Array(#""page""#.utf8)
        let lowest = max(0, bytes.count - 4096)
        var start = bytes.count - key.count
        while start >= lowest {
            if bytes[start] == key[0], bytes[start + 5] == key[5],
               (1..<key.count).allSatisfy({ bytes[start + $0] == key[$0] }) { break }
            start -= 1
        }
        guard start >= lowest else { return nil }
        var before = start - 1
        while before >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[before]) { before -= 1 }
        guard before >= 0, bytes[before] == UInt8(ascii: ",") else { return nil }
        var scanner = JSONScanner(UnsafeRawBufferPointer(rebasing: bytes[start...]))
        do {
            _ = try scanner.key()
            try scanner.expect(UInt8(ascii: ":"))
            var info = PageInfo(nextCursor: nil, hasMore: false)
            if try !scanner.takeNull() {
                let (cursor, hasMore) = try pageInfo(&scanner)
                info = PageInfo(nextCursor: cursor, hasMore: hasMore)
            }
            try scanner.expect(UInt8(ascii: "}"))
            scanner.skipWhitespace()
            return scanner.atEnd ? info : nil
        } catch {
            return nil
        }
    }

    /// The envelope read in order, the rows skipped by their brackets.
    static func pageInfoInOrder(_ bytes: UnsafeRawBufferPointer) -> PageInfo? {
        var scanner = JSONScanner(bytes)
        do {
            var sawOk = false, sawData = false, sawPage = false
            var info = PageInfo(nextCursor: nil, hasMore: false)
            try scanner.expect(UInt8(ascii: "{"))
            if try scanner.take(UInt8(ascii: "}")) { return nil }
            repeat {
                let key = try scanner.key()
                try scanner.expect(UInt8(ascii: ":"))
                if JSONScanner.equals(key, "ok") {
                    guard !sawOk else { return nil }
                    sawOk = true
                    _ = try scanner.bool()
                } else if JSONScanner.equals(key, "data") {
                    guard !sawData else { return nil }
                    sawData = true
                    try scanner.skipBracketed()
                } else if JSONScanner.equals(key, "page") {
                    guard !sawPage else { return nil }
                    sawPage = true
                    if try !scanner.takeNull() {
                        let (cursor, hasMore) = try pageInfo(&scanner)
                        info = PageInfo(nextCursor: cursor, hasMore: hasMore)
                    }
                } else {
                    try scanner.skipValue()
                }
            } while try scanner.take(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
            scanner.skipWhitespace()
            guard sawOk, sawData, scanner.atEnd else { return nil }
            return info
        } catch {
            return nil
        }
    }

    private static func envelope<Row>(_ scanner: inout JSONScanner, row: (inout JSONScanner) throws -> Row) throws
        -> Page<Row> {
        var sawOk = false
        var rows: [Row]?
        var nextCursor: String?
        var hasMore = false
        var sawPage = false
        try scanner.expect(UInt8(ascii: "{"))
        if try scanner.take(UInt8(ascii: "}")) { throw JSONScanner.Unsupported() }
        repeat {
            let key = try scanner.key()
            try scanner.expect(UInt8(ascii: ":"))
            if JSONScanner.equals(key, "ok") {
                guard !sawOk else { throw JSONScanner.Unsupported() }
                _ = try scanner.bool()
                sawOk = true
            } else if JSONScanner.equals(key, "data") {
                guard rows == nil else { throw JSONScanner.Unsupported() }
                rows = try array(&scanner, row: row)
            } else if JSONScanner.equals(key, "page") {
                guard !sawPage else { throw JSONScanner.Unsupported() }
                sawPage = true
                if try !scanner.takeNull() { (nextCursor, hasMore) = try pageInfo(&scanner) }
            } else {
                try scanner.skipValue()
            }
        } while try scanner.take(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
        guard sawOk, let rows else { throw JSONScanner.Unsupported() }
        return Page(rows: rows, nextCursor: nextCursor, hasMore: hasMore)
    }

    private static func pageInfo(_ scanner: inout JSONScanner) throws -> (String?, Bool) {
        var cursor: String?
        var sawCursor = false
        var hasMore: Bool?
        try scanner.expect(UInt8(ascii: "{"))
        if try scanner.take(UInt8(ascii: "}")) { throw JSONScanner.Unsupported() }
        repeat {
            let key = try scanner.key()
            try scanner.expect(UInt8(ascii: ":"))
            if JSONScanner.equals(key, "nextCursor") {
                guard !sawCursor else { throw JSONScanner.Unsupported() }
                sawCursor = true
                cursor = try scanner.takeNull() ? nil : scanner.string()
            } else if JSONScanner.equals(key, "hasMore") {
                guard hasMore == nil else { throw JSONScanner.Unsupported() }
                hasMore = try scanner.bool()
            } else {
                try scanner.skipValue()
            }
        } while try scanner.take(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
        guard let hasMore else { throw JSONScanner.Unsupported() }
        return (cursor, hasMore)
    }

    private static func array<Row>(_ scanner: inout JSONScanner, row: (inout JSONScanner) throws -> Row) throws -> [Row] {
        var rows: [Row] = []
        try scanner.expect(UInt8(ascii: "["))
        if try scanner.take(UInt8(ascii: "]")) { return rows }
        rows.reserveCapacity(1000)
        repeat { rows.append(try row(&scanner)) } while try scanner.take(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"))
        return rows
    }
}

/// The fields of one object, read in any order: `field` reads a known key (and throws on its
/// second appearance, through `once`) or returns false to skip an unknown one.
enum ObjectFields {
    static func read(_ scanner: inout JSONScanner, _ field: (String, inout JSONScanner) throws -> Bool) throws {
        try scanner.expect(UInt8(ascii: "{"))
        if try scanner.take(UInt8(ascii: "}")) { return }
        repeat {
            // Keys of the contract are at most 15 bytes: a small string, no allocation.
            let key = String(decoding: try scanner.key(), as: UTF8.self)
            try scanner.expect(UInt8(ascii: ":"))
            if try !field(key, &scanner) { try scanner.skipValue() }
        } while try scanner.take(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
    }
}

/// Stores a field's value, or gives up when the key came before (JSONDecoder's choice between
/// two values of one key is not ours to guess).
func once<Value>(_ slot: inout Value?, _ read: () throws -> Value) throws -> Bool {
    guard slot == nil else { throw JSONScanner.Unsupported() }
    slot = try read()
    return true
}

extension Optional {
    /// The value of a required field, or give up.
    func required() throws -> Wrapped {
        guard let self else { throw JSONScanner.Unsupported() }
        return self
    }
}

extension JSONScanner {
    /// A string or null.
    mutating func optionalString() throws -> String? {
        try takeNull() ? nil : string()
    }
}
