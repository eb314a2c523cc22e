import Foundation
import Mirror
import RewardsContract

/// What happened to an object a decision was refused on: its state now, and who decided.
enum ConflictText {
    static func of(_ entry: OutboxEntry, in mirror: MirrorStore) throws -> (text: String, changed: Bool) {
        let verb = entry.verb.rawValue
        switch entry.subject {
        case .review:
            guard let review = try mirror.review(id: entry.objectId) else {
                return ("\(entry.objectId) is no longer on the platform; your \(verb) was not applied", true)
            }
            var text = "\(review.id) is now \(review.status.rawValue) (version \(review.version))"
            if let who = review.decidedBy {
                text += ", decided by \(who)"
                if let when = review.decidedAt { text += " at \(when.raw)" }
            }
            return (text + "; your \(verb) was not applied", review.version > entry.baseVersion)
        case .redemption:
            guard let redemption = try mirror.redemption(id: entry.objectId) else {
                return ("\(entry.objectId) is no longer on the platform; your \(verb) was not applied", true)
            }
            return ("\(redemption.id) is now \(redemption.status.rawValue) (version \(redemption.version)); your \(verb) was not applied",
                    redemption.version > entry.baseVersion)
        }
    }
}
