import Crypto
import Foundation
import RewardsContract

/// Opaque cursors: base64url (no padding) of a short text a client should not parse.
///
/// List cursor text:  `L1|<endpoint>|<filter fingerprint>|<last key>`
/// Feed cursor text:  `F1|<epoch>|<last seq>`
/// A list cursor is bound to its endpoint and filters: presented with other ones it is 400.
enum Cursors {
    static func listCursor(endpoint: String, filters: String, lastKey: String) -> String {
        encode("L1|\(endpoint)|\(fingerprint(filters))|\(lastKey)")
    }

    /// The last key of a list cursor, if it belongs to this endpoint and these filters.
    static func lastKey(of cursor: String, endpoint: String, filters: String) throws -> String {
        let fields = try decode(cursor).split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "L1", !fields[3].isEmpty else { throw malformed }
        guard fields[1] == endpoint, fields[2] == fingerprint(filters) else {
            throw APIError.invalidRequest("The cursor belongs to another endpoint or other filters.")
        }
        return String(fields[3])
    }

    static func feedCursor(epoch: String, seq: Int64) -> String {
        encode("F1|\(epoch)|\(seq)")
    }

    static func feedPosition(of cursor: String) throws -> (epoch: String, seq: Int64) {
        let fields = try decode(cursor).split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "F1", let seq = Int64(fields[2]), seq >= 0 else { throw malformed }
        return (String(fields[1]), seq)
    }

    private static var malformed: APIError { APIError.invalidRequest("The cursor is malformed.") }

    /// Short and stable, so cursors stay small whatever the filters are.
    private static func fingerprint(_ filters: String) -> String {
        String(RequestSigning.hex(SHA256.hash(data: Array(filters.utf8))).prefix(16))
    }

    private static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ cursor: String) throws -> String {
        guard !cursor.isEmpty, cursor.utf8.count <= 2048,
              cursor.utf8.allSatisfy({ isBase64URL($0) }) else { throw malformed }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw malformed
        }
        return text
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95
    }
}
