import Crypto
import Foundation

/// Request signing, contract §2 and §11.
///
/// signing string = timestamp \n METHOD \n path-and-query \n hex(sha256(body)),
/// signature = "v1=" + hex(HMAC-SHA256(UTF-8 bytes of the secret, signing string)).
public enum RequestSigning {
    public static let authorizationHeader = "Authorization"
    public static let timestampHeader = "X-MR-Timestamp"
    public static let signatureHeader = "X-MR-Signature"

    public static func bodyHash<Body: DataProtocol>(_ body: Body) -> String {
        hex(SHA256.hash(data: body))
    }

    public static func signingString<Body: DataProtocol>(timestamp: String, method: String,
                                                         pathAndQuery: String, body: Body) -> String {
        [timestamp, method.uppercased(), pathAndQuery, bodyHash(body)].joined(separator: "\n")
    }

    /// The lowercase hex HMAC alone, without the `v1=` prefix.
    public static func hmacHex<Body: DataProtocol>(secret: String, timestamp: String, method: String,
                                                   pathAndQuery: String, body: Body) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let message = Array(signingString(timestamp: timestamp, method: method, pathAndQuery: pathAndQuery,
                                          body: body).utf8)
        return hex(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    public static func signature<Body: DataProtocol>(secret: String, timestamp: String, method: String,
                                                     pathAndQuery: String, body: Body) -> String {
        "v1=" + hmacHex(secret: secret, timestamp: timestamp, method: method, pathAndQuery: pathAndQuery, body: body)
    }

    /// The three headers of a signed request.
    public static func headers<Body: DataProtocol>(keyId: String, secret: String, timestamp: Int64, method: String,
                                                   pathAndQuery: String, body: Body) -> [(String, String)] {
        let stamp = String(timestamp)
        return [
            (authorizationHeader, "Bearer \(keyId)"),
            (timestampHeader, stamp),
            (signatureHeader, signature(secret: secret, timestamp: stamp, method: method,
                                        pathAndQuery: pathAndQuery, body: body)),
        ]
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
