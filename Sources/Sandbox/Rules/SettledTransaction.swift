import RewardsContract

/// `POST /v1/transactions/settled` (contract §10, seed 002): a purchase the club settled, which
/// earns the member floor(amountMinor × the club's earn rate) points.
struct SettledTransaction: Sendable {
    let externalTransactionId: String
    let memberId: String
    let amountMinor: Int
    let currency: String

    /// What the endpoint answers: the award, and the member's balance after it.
    struct Settlement: Codable, Sendable {
        let externalTransactionId: String
        let memberId: String
        let amountMinor: Int
        let currency: String
        let points: Int
        let ledgerEntryId: String
        let pointsAvailable: Int
        let createdAt: Timestamp
    }

    static func parse(contentType: String?, body: [UInt8]) throws -> SettledTransaction {
        let object = try JSONObjectBody(contentType: contentType, body: body,
                                        allowed: ["externalTransactionId", "memberId", "transaction"])
        let externalTransactionId = try object.requiredString("externalTransactionId", maxLength: 128)
        let memberId = try object.requiredString("memberId", maxLength: 64)
        let transaction = try object.object("transaction", allowed: ["amountMinor", "currency"])
        return SettledTransaction(externalTransactionId: externalTransactionId, memberId: memberId,
                                  amountMinor: try transaction.integer("amountMinor"),
                                  currency: try transaction.requiredString("currency", maxLength: 16))
    }

    /// In the order of §11: 404s, then 409s, then the 422s in the order a payload is checked.
    func apply(in transaction: StoreTransaction) throws -> APIReply {
        let settings = try IntegrationChecks.club(transaction)
        var member = try IntegrationChecks.activeMember(memberId, in: transaction)
        let details: JSONValue = .object(["externalTransactionId": .string(externalTransactionId)])
        if let earlier = try EarnRecords.find(transaction.db, externalTransactionId: externalTransactionId) {
            // Within 24 h the same Idempotency-Key replays instead; this is a resend under a new key.
            guard earlier.samePayload(memberId: memberId, amountMinor: amountMinor, currency: currency) else {
                throw APIError(.externalTransactionConflict,
                               "The same externalTransactionId was used with a different payload.", details: details)
            }
            throw APIError(.duplicateEvent, "This transaction was already settled.", details: details)
        }
        guard amountMinor > 0, amountMinor <= settings.maximumTransactionMinor else {
            throw APIError(.invalidTransactionAmount,
                           "transaction.amountMinor must be greater than zero and at most \(settings.maximumTransactionMinor).",
                           details: .object(["amountMinor": .int(Int64(amountMinor))]))
        }
        guard currency == transaction.club.currency else {
            if settings.unconfiguredCurrencies.contains(currency) {
                throw APIError(.partnerConfigurationIncomplete, "The club has no earn rate for \(currency) yet.",
                               details: .object(["currency": .string(currency)]))
            }
            throw APIError(.unsupportedCurrency, "The currency is not supported by this club.",
                           details: .object(["currency": .string(currency)]))
        }
        let rate = settings.earnRate
        guard settings.configurationComplete, rate.numerator > 0, rate.denominator > 0 else {
            throw APIError(.partnerConfigurationIncomplete, "The club's earn rate is not configured.")
        }
        let product = amountMinor.multipliedReportingOverflow(by: rate.numerator)
        guard !product.overflow else {
            throw APIError(.invalidTransactionAmount, "transaction.amountMinor is too large.")
        }
        let points = product.partialValue / rate.denominator
        guard points > 0 else {
            throw APIError(.pointsCalculationZero, "The earn rate and amount produced no points.",
                           details: .object(["amountMinor": .int(Int64(amountMinor))]))
        }
        guard points <= settings.pointsPool else {
            throw APIError(.insufficientPartnerPointsPool, "The club's points pool cannot cover this award.",
                           details: .object(["pointsRequested": .int(Int64(points))]))
        }

        let entry = try transaction.post(.earn, points: points, to: &member, externalTransactionId: externalTransactionId)
        try EarnRecords.insert(transaction.db, EarnRecord(
            externalTransactionId: externalTransactionId, memberId: memberId, points: points, amountMinor: amountMinor,
            currency: currency, reversed: false, createdAtMicros: Microseconds.of(transaction.now), ledgerId: entry.id))
        try transaction.updateSettings { $0.pointsPool -= points }
        return try IntegrationChecks.reply(Settlement(
            externalTransactionId: externalTransactionId, memberId: memberId, amountMinor: amountMinor,
            currency: currency, points: points, ledgerEntryId: entry.id, pointsAvailable: member.pointsAvailable,
            createdAt: transaction.stamp), in: transaction)
    }
}
