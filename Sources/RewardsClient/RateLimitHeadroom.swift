import Foundation
import NIOHTTP1

/// What a server says about the caller's request budget, when it says anything. The contract
/// defines no such headers (§9 has only 429 with `Retry-After`), but gateways in front of a
/// platform often add the IETF draft's `RateLimit-Limit` / `RateLimit-Remaining` or the older
/// `X-RateLimit-Limit` / `X-RateLimit-Remaining`; both pairs are read, the draft's first.
public struct RateLimitHeadroom: Sendable, Hashable {
    public var limit: Int
    public var remaining: Int
    /// The header pair it came from, to name in a report: `RateLimit` or `X-RateLimit`.
    public var source: String

    public init(limit: Int, remaining: Int, source: String) {
        self.limit = limit; self.remaining = remaining; self.source = source
    }

    /// Remaining as a share of the limit, 0…1.
    public var fraction: Double { limit > 0 ? min(1, max(0, Double(remaining) / Double(limit))) : 0 }

    public static func parse(_ headers: HTTPHeaders) -> RateLimitHeadroom? {
        parse { headers.first(name: $0) }
    }

    /// From a header lookup (case-insensitive names); nil unless both of one pair are numbers.
    public static func parse(_ header: (String) -> String?) -> RateLimitHeadroom? {
        for source in ["RateLimit", "X-RateLimit"] {
            if let limit = header("\(source)-Limit").flatMap(leadingInteger),
               let remaining = header("\(source)-Remaining").flatMap(leadingInteger) {
                return RateLimitHeadroom(limit: limit, remaining: remaining, source: source)
            }
        }
        return nil
    }

    /// `100`, or the first item of a draft quota list such as `100, 100;w=60, 1000;w=3600`.
    static func leadingInteger(_ value: String) -> Int? {
        let first = value.split(whereSeparator: { $0 == "," || $0 == ";" }).first ?? ""
        guard let number = Int(first.trimmingCharacters(in: .whitespaces)), number >= 0 else { return nil }
        return number
    }
}
