import Foundation
import Hummingbird
import RewardsContract

/// Request signing and key checks, in the order of contract §2: malformed headers (400),
/// unknown key, other environment, stale timestamp, bad signature (401). The `clubId` check
/// comes last and needs the decoded query, so the responder does it.
struct RequestAuthenticator: Sendable {
    let keyRing: KeyRing
    let environment: RewardsContract.Environment
    /// The served club.
    let clubId: String
    /// |server time − timestamp| may be exactly this and pass.
    static let allowedSkew: Int64 = 300

    func authenticate(method: String, target: String, headers: HTTPFields, body: [UInt8], now: Date) throws
        -> IssuedKey {
        guard let authorization = headers[HTTPHeaders.authorization] else {
            throw APIError.invalidRequest("Missing Authorization header.")
        }
        guard authorization.hasPrefix("Bearer "), case let keyId = String(authorization.dropFirst(7)),
              !keyId.isEmpty, !keyId.contains(" ") else {
            throw APIError.invalidRequest("The Authorization header must be 'Bearer <key id>'.")
        }
        guard let stampText = headers[HTTPHeaders.timestamp] else {
            throw APIError.invalidRequest("Missing \(RequestSigning.timestampHeader) header.")
        }
        guard !stampText.isEmpty, stampText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw APIError.invalidRequest("\(RequestSigning.timestampHeader) must be Unix seconds, digits only.")
        }
        guard let signature = headers[HTTPHeaders.signature] else {
            throw APIError.invalidRequest("Missing \(RequestSigning.signatureHeader) header.")
        }
        guard signature.hasPrefix("v1="), signature.utf8.count > 3,
              signature.utf8.dropFirst(3).allSatisfy(Self.isHexDigit) else {
            throw APIError.invalidRequest("\(RequestSigning.signatureHeader) must be 'v1=' followed by hex.")
        }

        guard let key = keyRing.key(id: keyId) else {
            throw APIError(.unauthorized, "The API key is unknown or inactive.")
        }
        guard key.environment == environment else {
            throw APIError(.unauthorized,
                           "This is a \(key.environment.rawValue) key; this server runs in \(environment.rawValue).",
                           details: .object(["keyEnvironment": .string(key.environment.rawValue),
                                             "serverEnvironment": .string(environment.rawValue)]))
        }
        let serverTime = Int64(now.timeIntervalSince1970.rounded(.down))
        // Too many digits to fit is as stale as a timestamp gets.
        guard let stamp = Int64(stampText), abs(serverTime - stamp) <= Self.allowedSkew else {
            throw APIError(.staleTimestamp, "The request timestamp is more than 300 seconds from the server time.",
                           details: .object(["serverTime": .int(serverTime)]))
        }
        let expected = RequestSigning.signature(secret: key.secret, timestamp: stampText, method: method,
                                                pathAndQuery: target, body: body)
        guard RequestSigning.constantTimeEquals(Array(expected.utf8), Array(signature.utf8)) else {
            throw APIError(.invalidSignature, "Request signature could not be verified")
        }
        return key
    }

    /// Whether the request names a key of the served club in this environment, signed or not:
    /// such a request is one of this club's calls, and its failures belong in its request log.
    func isThisClubsKey(_ headers: HTTPFields) -> Bool {
        guard let authorization = headers[HTTPHeaders.authorization], authorization.hasPrefix("Bearer "),
              let key = keyRing.key(id: String(authorization.dropFirst(7))) else { return false }
        return key.clubId == clubId && key.environment == environment
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }
}
