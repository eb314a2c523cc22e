import Foundation

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

    /// `host:port` of the platform, for messages ("connection refused by 127.0.0.1:9").
    public var target: String {
        guard let url = URL(string: baseURL), let host = url.host else { return baseURL }
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host):\(port)"
    }

    public var description: String { "Credentials(\(baseURL), key \(keyId), secret redacted)" }
    public var debugDescription: String { description }
}
