import RewardsContract

/// What approving and escalating do (contract §8, §11). Every check runs before the first
/// write, so a refused decision leaves the store untouched; checks follow §11's order:
/// 404, then `version_conflict`, then `review_already_decided`, then business rules (422).
/// Every successful decision records its actor and time in `lastActionBy` / `lastActionAt`
/// (contract §5), on each object it changes.
enum Decisions {
    static func decide(_ subject: ActionSubject, id: String, verb: ActionVerb, body: ActionBody, by key: IssuedKey,
                       in transaction: StoreTransaction) throws -> String {
        switch (subject, verb) {
        case (.review, .approve): return try approveReview(id: id, body: body, by: key, in: transaction)
        case (.review, .escalate): return try escalateReview(id: id, body: body, by: key, in: transaction)
        case (.redemption, .approve): return try approveRedemption(id: id, body: body, by: key, in: transaction)
        case (.redemption, .escalate): return try escalateRedemption(id: id, body: body, by: key, in: transaction)
        default: throw APIError.invalidRequest("Unknown action '\(verb.rawValue)'.")
        }
    }

    static func approveReview(id: String, body: ActionBody, by key: IssuedKey, in transaction: StoreTransaction) throws
        -> String {
        var review = try loadReview(id, expectedVersion: body.expectedVersion, in: transaction)
        guard review.status != .approved else { throw alreadyDecided("The review is already approved.") }

        // Side effects first, so the feed shows the consequence before the decision that caused it.
        let earn = try EarnRecords.find(transaction.db, externalTransactionId: review.subjectRef)
        if review.kind == .reversal, earn?.reversed != true,
           var member = try transaction.load(Member.self, id: review.memberId) {
            // Ops accepted the reversal in full, even past the member's balance.
            try transaction.post(.reversal, points: -review.pointsRequested, to: &member,
                                 externalTransactionId: review.subjectRef)
            if earn != nil {
                try EarnRecords.markReversed(transaction.db, externalTransactionId: review.subjectRef)
                try transaction.updateSettings { $0.pointsPool += review.pointsRequested }
            }
        }
        if review.kind == .payout, var redemption = try transaction.load(Redemption.self, id: review.subjectRef),
           redemption.status == .payoutFailed || redemption.status == .escalated {
            // The reviewer's approval is what moved the redemption, so it is their action there too.
            redemption.status = .reserved
            redemption.recordAction(by: key, at: transaction.stamp)
            try transaction.save(&redemption)
        }
        review.status = .approved
        review.decidedBy = key.id
        review.decidedAt = transaction.stamp
        review.recordAction(by: key, at: transaction.stamp)
        if let note = body.note { review.note = note }
        try transaction.save(&review)
        return try review.encodedJSON(with: transaction.encoder)
    }

    static func escalateReview(id: String, body: ActionBody, by key: IssuedKey, in transaction: StoreTransaction) throws
        -> String {
        var review = try loadReview(id, expectedVersion: body.expectedVersion, in: transaction)
        guard review.status != .approved else { throw alreadyDecided("An approved review cannot be escalated.") }
        guard review.escalationLevel < 3 else { throw alreadyDecided("The review is already at escalation level 3.") }
        review.status = .escalated
        review.escalationLevel += 1
        review.note = body.note
        review.recordAction(by: key, at: transaction.stamp)
        try transaction.save(&review)
        return try review.encodedJSON(with: transaction.encoder)
    }

    static func approveRedemption(id: String, body: ActionBody, by key: IssuedKey, in transaction: StoreTransaction)
        throws -> String {
        var redemption = try loadRedemption(id, expectedVersion: body.expectedVersion, in: transaction)
        guard redemption.status == .pendingApproval || redemption.status == .escalated else {
            throw alreadyDecided("Only a pending_approval or escalated redemption can be approved; "
                + "this one is \(redemption.status.rawValue).")
        }
        if let member = try transaction.load(Member.self, id: redemption.memberId), !member.payoutReady {
            throw APIError(.missingPayoutReference, "The member does not yet have payout details ready.",
                           details: .object(["memberId": .string(member.id)]))
        }
        let settings = try transaction.settings()
        guard redemption.cashValueMinor >= settings.minimumRedemptionMinor else {
            throw APIError(.minimumRedemption, "The cash value is below the platform minimum.",
                           details: .object(["cashValueMinor": .int(Int64(redemption.cashValueMinor)),
                                             "minimumMinor": .int(Int64(settings.minimumRedemptionMinor))]))
        }
        // An escalation from `reserved` or `payout_failed` still holds its cash; others need it now.
        let needsCash = try !CashHolds.holds(redemption.id, in: transaction)
        if needsCash, redemption.cashValueMinor > settings.cashCapacityMinor {
            throw APIError(.insufficientPartnerCashCapacity, "The club does not have enough funded cash capacity.",
                           details: .object(["cashValueMinor": .int(Int64(redemption.cashValueMinor))]))
        }
        redemption.status = .reserved
        redemption.recordAction(by: key, at: transaction.stamp)
        try transaction.save(&redemption)
        if needsCash { try CashHolds.hold(redemption.id, amountMinor: redemption.cashValueMinor, in: transaction) }
        return try redemption.encodedJSON(with: transaction.encoder)
    }

    static func escalateRedemption(id: String, body: ActionBody, by key: IssuedKey, in transaction: StoreTransaction)
        throws -> String {
        var redemption = try loadRedemption(id, expectedVersion: body.expectedVersion, in: transaction)
        guard [.pendingApproval, .reserved, .payoutFailed].contains(redemption.status) else {
            throw alreadyDecided("Only a pending_approval, reserved or payout_failed redemption can be escalated; "
                + "this one is \(redemption.status.rawValue).")
        }
        redemption.status = .escalated
        redemption.recordAction(by: key, at: transaction.stamp)
        try transaction.save(&redemption)
        return try redemption.encodedJSON(with: transaction.encoder)
    }

    private static func loadReview(_ id: String, expectedVersion: Int, in transaction: StoreTransaction) throws -> Review {
        guard let review = try transaction.load(Review.self, id: id) else {
            throw APIError(.reviewNotFound, "No review with this id exists.", details: .object(["reviewId": .string(id)]))
        }
        try checkVersion(review.version, expected: expectedVersion)
        return review
    }

    private static func loadRedemption(_ id: String, expectedVersion: Int, in transaction: StoreTransaction) throws
        -> Redemption {
        guard let redemption = try transaction.load(Redemption.self, id: id) else {
            throw APIError(.redemptionNotFound, "No redemption with this id exists.",
                           details: .object(["redemptionId": .string(id)]))
        }
        try checkVersion(redemption.version, expected: expectedVersion)
        return redemption
    }

    private static func checkVersion(_ current: Int, expected: Int) throws {
        guard current == expected else {
            throw APIError(.versionConflict, "expectedVersion is \(expected) but the current version is \(current).",
                           details: .object(["currentVersion": .int(Int64(current))]))
        }
    }

    private static func alreadyDecided(_ message: String) -> APIError {
        APIError(.reviewAlreadyDecided, message)
    }
}

extension Review {
    mutating func recordAction(by key: IssuedKey, at stamp: Timestamp) {
        lastActionBy = key.id
        lastActionAt = stamp
    }
}

extension Redemption {
    mutating func recordAction(by key: IssuedKey, at stamp: Timestamp) {
        lastActionBy = key.id
        lastActionAt = stamp
    }
}
