import Foundation

/// The body of an approve or escalate (contract §8).
public struct ActionRequest: Codable, Hashable, Sendable {
    public var expectedVersion: Int
    public var note: String?

    public init(expectedVersion: Int, note: String? = nil) {
        self.expectedVersion = expectedVersion
        self.note = note
    }

    /// The exact bytes to send. Sorted keys make the body reproducible, so a retry or a replay
    /// after a crash sends the same bytes under the same `Idempotency-Key`.
    public func encodedBody() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// The two decisions the console takes, on the two kinds of subject.
public struct ActionVerb: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let approve: ActionVerb = "approve"
    public static let escalate: ActionVerb = "escalate"
}

public enum ActionSubject: String, Codable, Hashable, Sendable {
    case review
    case redemption

    public var collectionPath: String {
        switch self {
        case .review: return "/v1/reviews"
        case .redemption: return "/v1/redemptions"
        }
    }

    public func path(id: String, verb: ActionVerb) -> String {
        "\(collectionPath)/\(PathEscaping.segment(id))/\(verb.rawValue)"
    }
}

/// Percent-encoding of one path segment (RFC 3986 unreserved characters pass).
public enum PathEscaping {
    public static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Encodes a query value; a space becomes `%20` (the server also reads `+` as a space).
    public static func queryValue(_ text: String) -> String { segment(text) }

    public static func query(_ items: [(String, String)]) -> String {
        items.map { "\(segment($0.0))=\(queryValue($0.1))" }.joined(separator: "&")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
