/// The query of a request, decoded: `+` is a space, `%XX` a byte, and the result UTF-8
/// (contract §11). Order and repetition are kept, since `status` may repeat.
struct QueryParameters: Sendable {
    private(set) var items: [(name: String, value: String)] = []

    init(raw: Substring?) throws {
        guard let raw, !raw.isEmpty else { return }
        for part in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(pieces[0])
            let value = pieces.count > 1 ? try Self.decode(pieces[1]) : ""
            items.append((name, value))
        }
    }

    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// The value of a parameter that may appear at most once.
    func single(_ name: String) throws -> String? {
        let found = values(name)
        guard found.count <= 1 else { throw APIError.invalidRequest("Query parameter '\(name)' may appear only once.") }
        return found.first
    }

    /// Unknown parameters are refused (400); `clubId` is allowed everywhere.
    func requireOnly(_ allowed: Set<String>, repeatable: Set<String> = []) throws {
        for (name, _) in items where name != "clubId" && !allowed.contains(name) {
            throw APIError.invalidRequest("Unknown query parameter '\(name)'.", details: .object(["parameter": .string(name)]))
        }
        for name in allowed.subtracting(repeatable) { _ = try single(name) }
    }

    /// In a query `+` is a space; in a path segment it is itself.
    static func decode(_ text: Substring, plusIsSpace: Bool = true) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace: bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw APIError.invalidRequest("The request target contains a malformed percent-encoding.")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw APIError.invalidRequest("The request target is not valid UTF-8 once decoded.")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
