import Foundation
import Mirror
import RewardsContract
import Terminal

/// What a row says about the decision last taken on it.
enum OutboxLabel {
    static func text(_ entry: OutboxEntry?, rowVersion: Int, now: Date) -> (String, StyleRole)? {
        guard let entry else { return nil }
        let verb = entry.verb == .approve ? "approv" : "escalat"
        switch entry.state {
        case .queued where entry.sendAfter > now && entry.attempts == 0:
            // `now` is the last tick (up to 250 ms old): round, so a 4 s window starts at 4.
            let seconds = max(1, Int(entry.sendAfter.timeIntervalSince(now).rounded()))
            return ("⏳ sends in \(seconds)s", .pending)
        case .queued, .sending:
            return ("⋯ \(verb)ing", .pending)
        case .failed where entry.baseVersion >= rowVersion:
            return ("✗ \(entry.errorCode ?? "failed")", .error)
        case .delivered where (entry.resultVersion ?? 0) >= rowVersion:
            return ("✓ \(verb)ed", .ok)
        default:
            return nil
        }
    }
}
