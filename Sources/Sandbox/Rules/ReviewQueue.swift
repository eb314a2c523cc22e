import Foundation
import GRDB
import RewardsContract

/// Opening reviews of the manual review queue, shared by the integration rules and the
/// activity simulator so that both open them the same way.
enum ReviewQueue {
    static let repeatedPayoutFailure = "repeated_payout_failure"

    @discardableResult
    static func open(kind: ReviewKind, memberId: String, subjectRef: String, pointsRequested: Int, amountMinor: Int,
                     in transaction: StoreTransaction) throws -> Review {
        let available = try transaction.load(Member.self, id: memberId)?.pointsAvailable ?? 0
        let review = Review(
            id: try transaction.nextId(.review), version: 1, createdAt: transaction.stamp,
            updatedAt: transaction.stamp, kind: kind,
            reasonCode: kind == .reversal ? ErrorCode.manualReviewRequired.rawValue : repeatedPayoutFailure,
            memberId: memberId, subjectRef: subjectRef, pointsRequested: pointsRequested, pointsAvailable: available,
            amountMinor: amountMinor, currency: transaction.club.currency, status: .open, escalationLevel: 0)
        try transaction.insert(review)
        return review
    }

    /// The open or escalated review of this subject, if any: while one waits, ops decide.
    static func pending(subjectRef: String, memberId: String, in transaction: StoreTransaction) throws -> Review? {
        let decoder = JSONDecoder()
        for json in try String.fetchAll(transaction.db, sql: """
            SELECT json FROM reviews WHERE memberId = ? AND status IN ('open', 'escalated') ORDER BY id
            """, arguments: [memberId]) {
            let review = try decoder.decode(Review.self, from: Data(json.utf8))
            if review.subjectRef == subjectRef { return review }
        }
        return nil
    }
}
