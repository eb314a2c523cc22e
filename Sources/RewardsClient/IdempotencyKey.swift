import Foundation

/// Keys for `Idempotency-Key` (1–255 printable ASCII, contract §8).
public enum IdempotencyKey {
    /// A fresh key; random, so two consoles never collide, and prefixed so that a server's
    /// operator can tell the console's actions from a club's own calls.
    public static func make() -> String {
        "rwops_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    public static func isValid(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 255 && key.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7e }
    }
}
