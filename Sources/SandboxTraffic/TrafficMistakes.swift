import RewardsContract
import Sandbox

/// The club systems' mistakes, one for each error code an integration call can earn (contract
/// §4). Together with the faults and the rate limit, they fill the request log with every code
/// but `cursor_expired`, which only a feed read gets and reads are not logged.
enum TrafficMistake: CaseIterable, Sendable {
    case badEmail, missingField, unknownField, noIdempotencyKey
    case foreignClubId, wrongSignature, staleTimestamp, readOnlyKey
    case unknownMember, clubGone, unknownRedemption, unknownReview, unknownEarn
    case reusedKey, resentTransaction, conflictingTransaction, conflictingRequest, reversedAgain, decidedReview,
         staleVersion
    case foreignCurrency, unconfiguredCurrency, fundingRestricted, hugeTransaction, overdrawn, capacityExhausted,
         noPayoutDetails, zeroAmount, tinyAmount, expiredEarn, zeroPoints, hugeRedemption, tinyRedemption

    /// The code the mistake is meant to earn (a test checks each one).
    var expectedCode: ErrorCode {
        switch self {
        case .badEmail, .missingField, .unknownField, .noIdempotencyKey: return .invalidRequest
        case .foreignClubId: return .unauthorized
        case .wrongSignature: return .invalidSignature
        case .staleTimestamp: return .staleTimestamp
        case .readOnlyKey: return .forbidden
        case .unknownMember: return .cardholderNotFound
        case .clubGone: return .partnerNotFound
        case .unknownRedemption: return .redemptionNotFound
        case .unknownReview: return .reviewNotFound
        case .unknownEarn: return .originalEarnNotFound
        case .reusedKey: return .duplicateIdempotencyConflict
        case .resentTransaction: return .duplicateEvent
        case .conflictingTransaction: return .externalTransactionConflict
        case .conflictingRequest: return .externalRequestConflict
        case .reversedAgain: return .alreadyReversed
        case .decidedReview: return .reviewAlreadyDecided
        case .staleVersion: return .versionConflict
        case .foreignCurrency: return .unsupportedCurrency
        case .unconfiguredCurrency: return .partnerConfigurationIncomplete
        case .fundingRestricted: return .partnerFundingRestricted
        case .hugeTransaction: return .insufficientPartnerPointsPool
        case .overdrawn: return .insufficientPointsBalance
        case .capacityExhausted: return .insufficientPartnerCashCapacity
        case .noPayoutDetails: return .missingPayoutReference
        case .zeroAmount: return .invalidTransactionAmount
        case .tinyAmount: return .pointsCalculationZero
        case .expiredEarn: return .invalidOriginalEarn
        case .zeroPoints: return .invalidRedemptionPoints
        case .hugeRedemption: return .invalidRedemptionValue
        case .tinyRedemption: return .minimumRedemption
        }
    }
}

extension TrafficGenerator {
    /// Makes one mistake. When the state offers nothing to make it with (no earn old enough,
    /// nothing sent yet to repeat), the step does ordinary business instead.
    @discardableResult
    func make(_ mistake: TrafficMistake, tag: String, using rng: inout SeededGenerator) async throws
        -> TrafficClient.Answer? {
        let settledPath = "/v1/transactions/settled"
        let someone = try await picks.member(using: &rng)
        let memberId = someone?.id ?? "mem_unknown"
        func settlement(_ amount: Int, currency: String? = nil) -> [String: JSONValue] {
            Self.settlement("POS-\(tag)", member: memberId, amountMinor: amount, currency: currency ?? self.currency)
        }
        func redemption(_ member: String, _ points: Int) -> [String: JSONValue] {
            ["memberId": .string(member), "points": .int(Int64(points))]
        }

        switch mistake {
        case .badEmail:
            return await post("/v1/members", ["externalRef": .string("WEB-\(tag)"), "name": .string("Typo Tim"),
                                              "email": .string("tim.at.example.com")], tag: tag)
        case .missingField:
            return await post("/v1/members", ["externalRef": .string("WEB-\(tag)"), "name": .string("No Mail")], tag: tag)
        case .unknownField:
            var fields = settlement(1200)
            fields["tip"] = .int(100)
            return await post(settledPath, fields, tag: tag)
        case .noIdempotencyKey:
            return await post(settledPath, settlement(1200), tag: tag, idempotencyKey: .some(nil))
        case .foreignClubId:
            return await post(settledPath + "?clubId=" + otherClubId, settlement(1200), tag: tag)
        case .wrongSignature:
            return await post(settledPath, settlement(1200), tag: tag, signing: .wrongSignature)
        case .staleTimestamp:
            return await post(settledPath, settlement(1200), tag: tag, signing: .staleTimestamp)
        case .readOnlyKey:
            return await post(settledPath, settlement(1200), tag: tag, key: readOnlyKey)
        case .unknownMember:
            return await post(settledPath, Self.settlement("POS-\(tag)", member: "mem_unknown\(rng.alphanumerics(6))",
                                                     amountMinor: 1200, currency: currency), tag: tag)
        case .clubGone:
            let fields: [String: JSONValue] = ["externalRef": .string("WEB-\(tag)"), "name": .string("Late Larry"),
                                               "email": .string("larry@example.com")]
            return await server.during(.clubGone) { await post("/v1/members", fields, tag: tag) }
        case .unknownRedemption:
            return await post("/v1/redemptions/red_unknown\(rng.alphanumerics(6))/payouts",
                              ["outcome": .string("succeeded")], tag: tag)
        case .unknownReview:
            return await post("/v1/reviews/rev_unknown\(rng.alphanumerics(6))/approve", ["expectedVersion": .int(1)],
                              tag: tag)
        case .unknownEarn:
            return await post("/v1/reversals", ["externalTransactionId": .string("POS-unknown-\(tag)")], tag: tag)
        case .reusedKey:
            guard let sent = memory.sent(rng.next()) else { break }
            // Other bytes under the same key: a trailing space is enough.
            return await post(sent.target, [:], tag: tag, idempotencyKey: .some(sent.idempotencyKey),
                              rawJSON: sent.json + " ")
        case .resentTransaction, .conflictingTransaction:
            guard let settled = memory.settled(rng.next()) else { break }
            let amount = settled.amountMinor + (mistake == .conflictingTransaction ? 1 : 0)
            return await post(settledPath, Self.settlement(settled.externalTransactionId, member: settled.memberId,
                                                     amountMinor: amount, currency: currency), tag: tag)
        case .conflictingRequest:
            guard let requested = memory.requested(rng.next()) else { break }
            var fields = redemption(requested.memberId, requested.points + 100)
            fields["externalRequestId"] = .string(requested.externalRequestId)
            return await post("/v1/redemptions", fields, tag: tag)
        case .reversedAgain:
            guard let id = memory.reversed(rng.next()) else { break }
            return await post("/v1/reversals", ["externalTransactionId": .string(id)], tag: tag)
        case .decidedReview:
            guard let review = try await picks.review(status: .approved, using: &rng) else { break }
            return await post("/v1/reviews/\(review.id)/approve", ["expectedVersion": .int(Int64(review.version))],
                              tag: tag)
        case .staleVersion:
            guard let review = try await picks.review(status: .open, using: &rng) else { break }
            return await post("/v1/reviews/\(review.id)/approve",
                              ["expectedVersion": .int(Int64(review.version + 5))], tag: tag)
        case .foreignCurrency:
            return await post(settledPath, settlement(1200, currency: "USD"), tag: tag)
        case .unconfiguredCurrency:
            let settings = try await picks.settings()
            guard let unconfigured = settings.unconfiguredCurrencies.first else { break }
            return await post(settledPath, settlement(1200, currency: unconfigured), tag: tag)
        case .hugeTransaction:
            let settings = try await picks.settings()
            let rate = settings.earnRate
            guard rate.numerator > 0 else { break }
            let amount = (settings.pointsPool / rate.numerator + 1) * rate.denominator + rate.denominator
            return await post(settledPath, settlement(amount), tag: tag)
        case .zeroAmount:
            return await post(settledPath, settlement(0), tag: tag)
        case .tinyAmount:
            return await post(settledPath, settlement(5), tag: tag)
        case .expiredEarn:
            let settings = try await picks.settings()
            guard let earn = try await picks.expiredEarn(windowDays: settings.reversalWindowDays, using: &rng) else {
                break
            }
            return await post("/v1/reversals", ["externalTransactionId": .string(earn)], tag: tag)
        case .fundingRestricted, .capacityExhausted:
            guard let member = try await picks.payableMember(atLeast: 200, using: &rng) else { break }
            let fields = redemption(member.id, 200)
            let incident: ClubIncident = mistake == .fundingRestricted ? .fundingRestricted : .cashCapacityExhausted
            return await server.during(incident) { await post("/v1/redemptions", fields, tag: tag) }
        case .overdrawn:
            guard let member = try await picks.payableMember(atLeast: 0, using: &rng) else { break }
            return await post("/v1/redemptions", redemption(member.id, member.pointsAvailable + 500), tag: tag)
        case .noPayoutDetails:
            guard let member = try await picks.unpayableMember(atLeast: 200, using: &rng) else { break }
            return await post("/v1/redemptions", redemption(member.id, 200), tag: tag)
        case .zeroPoints:
            return await post("/v1/redemptions", redemption(memberId, 0), tag: tag)
        case .hugeRedemption:
            let settings = try await picks.settings()
            return await post("/v1/redemptions", redemption(memberId, settings.maximumRedemptionMinor * 5 + 1), tag: tag)
        case .tinyRedemption:
            return await post("/v1/redemptions", redemption(memberId, 50), tag: tag)
        }
        try await self.settle(tag: tag, using: &rng)
        return nil
    }
}
