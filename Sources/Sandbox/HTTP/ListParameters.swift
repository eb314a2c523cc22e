/// `limit` and `cursor`, shared by every list (contract §6).
struct ListParameters: Sendable {
    static let defaultLimit = 100
    static let maximumLimit = 1000

    let limit: Int
    let cursor: String?

    init(_ query: QueryParameters) throws {
        limit = try Self.integer(query, "limit", default: Self.defaultLimit, range: 1...Self.maximumLimit)
        cursor = try query.single("cursor")
    }

    /// A decimal integer parameter within a range; anything else is 400.
    static func integer(_ query: QueryParameters, _ name: String, default value: Int, range: ClosedRange<Int>) throws
        -> Int {
        guard let text = try query.single(name) else { return value }
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let number = Int(text), range.contains(number) else {
            throw APIError.invalidRequest("'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound).",
                                          details: .object(["parameter": .string(name)]))
        }
        return number
    }
}
