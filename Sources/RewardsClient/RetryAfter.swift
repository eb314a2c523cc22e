import Foundation
import RewardsContract

/// `Retry-After` read strictly (RFC 9110 §10.2.3): whole seconds in ASCII digits, or an HTTP
/// date. Anything else (`1e300`, `nan`, `-5`, `1.5`) is not a `Retry-After` at all, and the
/// client falls back to its own backoff. What is read is clamped to `maximumSeconds`: a
/// server cannot make the client sleep for a day, and no number it sends is converted
/// unchecked.
public enum RetryAfter {
    /// The longest wait a server can ask for; past it, the call gives up or waits this long.
    public static let maximumSeconds: Double = 300

    /// Seconds to wait, 0…`maximumSeconds`, or nil when the value is absent or not valid.
    public static func seconds(_ value: String?, now: Date) -> Double? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            // Too many digits to hold is simply more than the maximum.
            guard trimmed.utf8.count <= 9, let whole = Int(trimmed) else { return maximumSeconds }
            return min(Double(whole), maximumSeconds)
        }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        let delta = date.timeIntervalSince(now)
        guard delta.isFinite else { return nil }
        return min(max(0, delta), maximumSeconds)
    }
}
