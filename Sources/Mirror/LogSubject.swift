import RewardsContract

extension RequestLog {
    /// The member, redemption or review a failed call was about, when its path or details name
    /// one: the id in the path first (`/v1/reviews/rev_…/approve`), then a `memberId`,
    /// `redemptionId` or `reviewId` in the details, then any such id elsewhere in them.
    public var concernedObjectId: String? {
        for segment in path.split(separator: "?", maxSplits: 1).first?.split(separator: "/") ?? []
        where Self.isObjectId(segment) {
            return String(segment)
        }
        guard let details else { return nil }
        for key in ["memberId", "redemptionId", "reviewId"] {
            if let value = details[key]?.stringValue, Self.isObjectId(Substring(value)) { return value }
        }
        return Self.firstObjectId(in: details, depth: 0)
    }

    static let objectPrefixes = ["mem_", "red_", "rev_"]

    static func isObjectId(_ text: Substring) -> Bool {
        text.count > 4 && objectPrefixes.contains { text.hasPrefix($0) }
    }

    /// Depth-first, object keys in sorted order so the answer does not depend on hashing.
    /// Bounded: details nested deeper than a few levels are not searched.
    private static func firstObjectId(in value: JSONValue, depth: Int) -> String? {
        guard depth < 8 else { return nil }
        switch value {
        case .string(let text):
            return isObjectId(Substring(text)) ? text : nil
        case .array(let items):
            for item in items.prefix(100) {
                if let found = firstObjectId(in: item, depth: depth + 1) { return found }
            }
            return nil
        case .object(let fields):
            for key in fields.keys.sorted().prefix(100) {
                if let field = fields[key], let found = firstObjectId(in: field, depth: depth + 1) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
