import Foundation
import RewardsContract

/// `--since` as a duration back from now (`90s`, `15m`, `2h`, `3d`, `1w`) or an RFC 3339
/// time (`2026-11-22T08:00:00Z`).
enum TimeArgument {
    static let help = "A duration back from now (90s, 15m, 2h, 3d, 1w) or an RFC 3339 time (2026-11-22T08:00:00Z)."

    static func parse(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let seconds = unitSeconds[unit], let count = Double(trimmed.dropLast()),
           count.isFinite, count >= 0, count <= 3650 * 86_400 / seconds {
            return now.addingTimeInterval(-count * seconds)
        }
        return RFC3339.parse(trimmed)
    }

    private static let unitSeconds: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
}
