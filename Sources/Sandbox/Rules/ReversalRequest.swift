import RewardsContract

/// `POST /v1/reversals` (contract §10, seed 002): the club takes back a settled earn in full,
/// for example after a refund. When the member has spent the points since, a person decides:
/// the answer is 422 `manual_review_required` and a `reversal` review waits in the queue.
struct ReversalRequest: Sendable {
    let externalTransactionId: String

    struct Reversal: Codable, Sendable {
        let externalTransactionId: String
        let memberId: String
        /// The points taken back (the ledger entry carries them negative).
        let points: Int
        let ledgerEntryId: String
        let pointsAvailable: Int
        let createdAt: Timestamp
    }

    static func parse(contentType: String?, body: [UInt8]) throws -> ReversalRequest {
        let object = try JSONObjectBody(contentType: contentType, body: body, allowed: ["externalTransactionId"])
        return ReversalRequest(externalTransactionId: try object.requiredString("externalTransactionId", maxLength: 128))
    }

    func apply(in transaction: StoreTransaction) throws -> APIReply {
        let settings = try IntegrationChecks.club(transaction)
        let details: JSONValue = .object(["externalTransactionId": .string(externalTransactionId)])
        guard let earn = try EarnRecords.find(transaction.db, externalTransactionId: externalTransactionId),
              var member = try transaction.load(Member.self, id: earn.memberId) else {
            throw APIError(.originalEarnNotFound, "No settled earn award exists for this externalTransactionId.",
                           details: details)
        }
        guard !earn.reversed else {
            throw APIError(.alreadyReversed, "The settled earn has already been reversed.", details: details)
        }
        guard member.status != .deleted else {
            throw APIError(.invalidOriginalEarn, "The original earn belongs to a deleted member.", details: details)
        }
        let windowMicros = Int64(settings.reversalWindowDays) * 86_400 * 1_000_000
        guard Microseconds.of(transaction.now) - earn.createdAtMicros <= windowMicros else {
            throw APIError(.invalidOriginalEarn,
                           "The original earn is older than the \(settings.reversalWindowDays)-day reversal window.",
                           details: details)
        }
        // While a review of this earn waits, ops decide, even if the balance has recovered since.
        var review = try ReviewQueue.pending(subjectRef: externalTransactionId, memberId: member.id, in: transaction)
        if review == nil, member.pointsAvailable < earn.points {
            review = try ReviewQueue.open(kind: .reversal, memberId: member.id, subjectRef: externalTransactionId,
                                          pointsRequested: earn.points, amountMinor: earn.amountMinor, in: transaction)
        }
        if let review {
            // Returned rather than thrown: the review it opened is kept, and so is this answer.
            return .error(APIError(.manualReviewRequired,
                                   "The original points are no longer fully available to reverse.",
                                   details: .object(["externalTransactionId": .string(externalTransactionId),
                                                     "reviewId": .string(review.id),
                                                     "pointsRequested": .int(Int64(earn.points)),
                                                     "pointsAvailable": .int(Int64(member.pointsAvailable))])))
        }

        let entry = try transaction.post(.reversal, points: -earn.points, to: &member,
                                         externalTransactionId: externalTransactionId)
        try EarnRecords.markReversed(transaction.db, externalTransactionId: externalTransactionId)
        try transaction.updateSettings { $0.pointsPool += earn.points }
        return try IntegrationChecks.reply(Reversal(
            externalTransactionId: externalTransactionId, memberId: member.id, points: earn.points,
            ledgerEntryId: entry.id, pointsAvailable: member.pointsAvailable, createdAt: transaction.stamp),
            in: transaction)
    }
}
