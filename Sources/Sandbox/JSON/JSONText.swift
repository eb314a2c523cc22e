import Foundation

/// The JSONEncoder set-up for what the sandbox encodes through Codable (error bodies, `me`,
/// the feed head, settings, stored idempotent answers). The hot paths (stored objects, list
/// pages, feed entries) are written with `JSONBytes` instead, to the same bytes.
enum JSONText {
    /// Sorted keys make every object's bytes reproducible from its values, so generated data
    /// and stored idempotent responses are byte-for-byte stable.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<T: Encodable>(_ value: T, with encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
