import RewardsContract

/// `POST /v1/redemptions/{id}/payouts`: the club's payout provider reports one attempt to pay a
/// `reserved` (or earlier failed) redemption. Success makes it `paid` and spends its cash hold;
/// a failure makes it `payout_failed` with `lastError`, and every third failure opens a
/// `payout` review with reason `repeated_payout_failure` (contract §10). While that review
/// waits, further reports are refused: ops decide first.
struct PayoutReport: Sendable {
    let succeeded: Bool
    let failure: RedemptionError

    static func parse(contentType: String?, body: [UInt8]) throws -> PayoutReport {
        let object = try JSONObjectBody(contentType: contentType, body: body,
                                        allowed: ["outcome", "failureCode", "failureMessage"])
        let outcome = try object.requiredString("outcome", maxLength: 32)
        guard outcome == "succeeded" || outcome == "failed" else {
            throw JSONObjectBody.fieldError("outcome", "'outcome' must be succeeded or failed.")
        }
        let code = try object.string("failureCode", required: false, maxLength: 64) ?? "payout_rejected"
        let message = try object.string("failureMessage", required: false, maxLength: 500)
            ?? "The payout provider rejected the transfer."
        return PayoutReport(succeeded: outcome == "succeeded", failure: RedemptionError(code: ErrorCode(rawValue: code),
                                                                                        message: message))
    }

    func apply(redemptionId: String, in transaction: StoreTransaction) throws -> APIReply {
        try IntegrationChecks.club(transaction)
        var redemption = try IntegrationChecks.redemption(redemptionId, in: transaction)
        guard redemption.status == .reserved || redemption.status == .payoutFailed else {
            // A state error is a request the client should not have made: 400, as Stripe does.
            throw APIError.invalidRequest("Only a reserved or payout_failed redemption can be paid out; "
                + "this one is \(redemption.status.rawValue).", details: .object(["status": .string(redemption.status.rawValue)]))
        }
        if let review = try ReviewQueue.pending(subjectRef: redemption.id, memberId: redemption.memberId, in: transaction) {
            throw APIError.invalidRequest("The redemption waits for its payout review.",
                                          details: .object(["reviewId": .string(review.id)]))
        }
        redemption.payoutAttempts += 1
        if succeeded {
            redemption.status = .paid
            redemption.lastError = nil
            try transaction.save(&redemption)
            try CashHolds.spend(redemption.id, in: transaction)
        } else {
            redemption.status = .payoutFailed
            redemption.lastError = failure
            try transaction.save(&redemption)
            if redemption.payoutAttempts % 3 == 0 {
                try ReviewQueue.open(kind: .payout, memberId: redemption.memberId, subjectRef: redemption.id,
                                     pointsRequested: redemption.points, amountMinor: redemption.cashValueMinor,
                                     in: transaction)
            }
        }
        return .object(try redemption.encodedJSON(with: transaction.encoder))
    }
}
