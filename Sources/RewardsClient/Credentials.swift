/// Where a platform is and the key to speak to it with.
///
/// `description` never shows the secret, so a credentials value can be logged or printed
/// by mistake without leaking it.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var baseURL: String
    public var keyId: String
    public var secret: String

    public init(baseURL: String, keyId: String, secret: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.keyId = keyId
        self.secret = secret
    }

    public var description: String { "Credentials(\(baseURL), key \(keyId), secret redacted)" }
    public var debugDescription: String { description }
}
