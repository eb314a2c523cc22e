import Console
import Foundation
import Mirror
import RewardsContract

/// How the headless tables write the fields they share.
enum RowText {
    /// This mirror's last decision on a row, as the console's Action column says it: on its
    /// way, applied, or refused (with the code); nothing once the row has moved on since.
    static func decision(_ entry: OutboxEntry?, rowVersion: Int, now: Date = Date()) -> String {
        guard let entry else { return "" }
        let verb = entry.verb == .approve ? "approv" : "escalat"
        switch entry.state {
        case .queued where entry.sendAfter > now && entry.attempts == 0:
            return "⏳ sends in \(max(1, Int(entry.sendAfter.timeIntervalSince(now).rounded())))s"
        case .queued, .sending:
            return "⋯ \(verb)ing"
        case .failed where entry.baseVersion >= rowVersion:
            return "✗ \(entry.errorCode ?? "failed")"
        case .delivered where (entry.resultVersion ?? 0) >= rowVersion:
            return "✓ \(verb)ed"
        default:
            return ""
        }
    }

    static func age(_ timestamp: Timestamp, now: Date = Date()) -> String { Format.age(from: timestamp.date, to: now) }

    /// A time to the second, in UTC: what an on-call engineer matches against a ticket.
    static func time(_ timestamp: Timestamp) -> String {
        timestamp.date.map { RFC3339.format($0) } ?? timestamp.raw
    }

    static func points(_ value: Int) -> String { Format.points(value) }
    static func money(_ minor: Int, _ currency: String) -> String { Format.money(minor, currency) }
}

/// The line on standard error after a list: how many rows, and whether `--limit` cut it.
enum ListSummary {
    static func note(_ count: Int, _ noun: String, hasMore: Bool, limit: Int) {
        if count == 0 {
            Output.note("No \(noun)s match.")
        } else if hasMore {
            Output.note("\(count) \(noun)\(count == 1 ? "" : "s") shown; more match (--limit \(min(limit * 10, OutputOptions.maximumLimit)) for more).")
        }
    }
}
