import Foundation
import Mirror
import RewardsContract

/// What happened to an object a decision was refused on, for whoever lost the race: who won
/// and what they did ("rev_… escalated to level 2 by mr_test_… at 10:41:07Z; your approve was
/// not applied"), from the object's `lastActionBy` / `lastActionAt` (contract §5). A server
/// that omits them gets what the mirror can still say: its state, and `decidedBy` on an
/// approved review.
enum ConflictText {
    static func of(_ entry: OutboxEntry, in mirror: MirrorStore, now: Date = Date()) throws -> (text: String, changed: Bool) {
        let yours = "your \(entry.verb.rawValue) was not applied"
        switch entry.subject {
        case .review:
            guard let review = try mirror.review(id: entry.objectId) else {
                return ("\(entry.objectId) is no longer on the platform; \(yours)", true)
            }
            let what: String
            switch review.status {
            case .approved: what = "approved"
            case .escalated: what = "escalated to level \(review.escalationLevel)"
            default: what = "changed (now \(review.status.rawValue), level \(review.escalationLevel))"
            }
            let actor = review.lastActionBy ?? (review.status == .approved ? review.decidedBy : nil)
            let at = review.lastActionAt ?? (review.status == .approved ? review.decidedAt : nil)
            let text = "\(review.id) \(what)\(by(actor, at: at, now: now)) (version \(review.version)); \(yours)"
            return (text, review.version > entry.baseVersion)
        case .redemption:
            guard let redemption = try mirror.redemption(id: entry.objectId) else {
                return ("\(entry.objectId) is no longer on the platform; \(yours)", true)
            }
            let what: String
            switch redemption.status {
            case .reserved: what = "approved (now reserved)"
            case .escalated: what = "escalated"
            default: what = "changed (now \(redemption.status.rawValue))"
            }
            // An action older than this decision is not what changed the redemption (a payout
            // did): then the action is the platform's, named as such.
            let recent = redemption.lastActionAt?.date.map { $0 >= entry.createdAt.addingTimeInterval(-60) } ?? true
            let text = recent
                ? "\(redemption.id) \(what)\(by(redemption.lastActionBy, at: redemption.lastActionAt, now: now)) (version \(redemption.version)); \(yours)"
                : "\(redemption.id) \(what) by the platform (version \(redemption.version)); \(yours)"
            return (text, redemption.version > entry.baseVersion)
        }
    }

    /// " by mr_test_… at 10:41:07Z", the date added when it is not today's; said plainly when
    /// the platform did not report who.
    static func by(_ actor: String?, at: Timestamp?, now: Date) -> String {
        guard let actor else { return " by someone else (the platform did not say who)" }
        guard let at else { return " by \(actor)" }
        guard let date = at.date else { return " by \(actor) at \(at.raw)" }
        let stamp = RFC3339.format(date)
        let sameDay = stamp.prefix(10) == RFC3339.format(now).prefix(10)
        return " by \(actor) at " + (sameDay ? String(stamp.dropFirst(11)) : stamp.replacingOccurrences(of: "T", with: " "))
    }
}
