import Foundation
import Synchronization

/// Scrubs what must never reach a log: bearer tokens, request signatures, and the secrets
/// known to this process, wherever they appear in a message or its metadata.
struct Redactor: Sendable {
    let secrets: SecretList

    func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets.all { out = out.replacingOccurrences(of: secret, with: "[redacted]") }
        out = out.replacingOccurrences(of: #"Bearer\s+[^\s,;"'\]\)]+"#, with: "Bearer [redacted]", options: .regularExpression)
        out = out.replacingOccurrences(of: #"v1=[0-9A-Fa-f]{16,}"#, with: "v1=[redacted]", options: .regularExpression)
        return out
    }
}

/// Secrets known to this process; it grows when a profile switch brings a new one.
final class SecretList: Sendable {
    private let secrets = Mutex<[String]>([])

    /// Shorter ones are left out: replacing a two-letter "secret" would shred every line.
    func add(_ new: [String]) {
        secrets.withLock { known in
            for secret in new where secret.count >= 4 && !known.contains(secret) { known.append(secret) }
        }
    }

    func add(_ secret: String) { add([secret]) }

    var all: [String] { secrets.withLock { $0 } }
}
