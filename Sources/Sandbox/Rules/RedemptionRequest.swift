import GRDB
import RewardsContract

/// `POST /v1/redemptions` (contract §10, seed 002): a member cashes in points. The points leave
/// the balance at once; up to the club's approval threshold the redemption is `reserved`
/// (holding its cash value of the club's capacity), above it it waits in `pending_approval`.
/// `externalRequestId`, the club's own id for the request, guards against a second redemption
/// for the same request beyond the idempotency window.
struct RedemptionRequest: Sendable {
    let memberId: String
    let points: Int
    let externalRequestId: String?

    static func parse(contentType: String?, body: [UInt8]) throws -> RedemptionRequest {
        let object = try JSONObjectBody(contentType: contentType, body: body,
                                        allowed: ["memberId", "points", "externalRequestId"])
        return RedemptionRequest(memberId: try object.requiredString("memberId", maxLength: 64),
                                 points: try object.integer("points"),
                                 externalRequestId: try object.string("externalRequestId", required: false,
                                                                      maxLength: 128))
    }

    /// The cash value of `points`, exactly, or nil when the club's point value does not give a
    /// whole number of minor units.
    static func cashValue(points: Int, settings: ClubSettings) -> Int? {
        let value = settings.pointValue
        let product = points.multipliedReportingOverflow(by: value.numerator)
        guard !product.overflow, value.denominator > 0, product.partialValue % value.denominator == 0 else { return nil }
        return product.partialValue / value.denominator
    }

    func apply(in transaction: StoreTransaction) throws -> APIReply {
        let settings = try IntegrationChecks.club(transaction)
        var member = try IntegrationChecks.activeMember(memberId, in: transaction)
        if let externalRequestId, let earlier = try Row.fetchOne(transaction.db, sql: """
            SELECT memberId, points, redemptionId FROM external_requests WHERE externalRequestId = ?
            """, arguments: [externalRequestId]) {
            let (earlierMember, earlierPoints, earlierRedemption): (String, Int, String) =
                (earlier["memberId"], earlier["points"], earlier["redemptionId"])
            let details: JSONValue = .object(["externalRequestId": .string(externalRequestId),
                                              "redemptionId": .string(earlierRedemption)])
            guard earlierMember == memberId, earlierPoints == points else {
                throw APIError(.externalRequestConflict, "The same externalRequestId was used with a different payload.",
                               details: details)
            }
            throw APIError(.duplicateEvent, "This redemption request was already made.", details: details)
        }
        guard points > 0 else {
            throw APIError(.invalidRedemptionPoints, "points must be a positive integer.",
                           details: .object(["points": .int(Int64(points))]))
        }
        guard settings.configurationComplete, settings.pointValue.numerator > 0, settings.pointValue.denominator > 0 else {
            throw APIError(.partnerConfigurationIncomplete, "The club's point value is not configured.")
        }
        guard let cash = Self.cashValue(points: points, settings: settings), cash <= settings.maximumRedemptionMinor else {
            throw APIError(.invalidRedemptionValue,
                           "The cash value of \(points) points is not a whole amount of at most "
                               + "\(settings.maximumRedemptionMinor) minor units.",
                           details: .object(["points": .int(Int64(points))]))
        }
        guard cash >= settings.minimumRedemptionMinor else {
            throw APIError(.minimumRedemption, "The cash value is below the platform minimum.",
                           details: .object(["cashValueMinor": .int(Int64(cash)),
                                             "minimumMinor": .int(Int64(settings.minimumRedemptionMinor))]))
        }
        guard !settings.fundingRestricted else {
            throw APIError(.partnerFundingRestricted, "The club's funding is restricted; redemptions are paused.")
        }
        guard points <= member.pointsAvailable else {
            throw APIError(.insufficientPointsBalance, "The member does not have enough points.",
                           details: .object(["pointsRequested": .int(Int64(points)),
                                             "pointsAvailable": .int(Int64(member.pointsAvailable))]))
        }
        guard member.payoutReady else {
            throw APIError(.missingPayoutReference, "The member does not yet have payout details ready.",
                           details: .object(["memberId": .string(member.id)]))
        }
        guard cash <= settings.cashCapacityMinor else {
            throw APIError(.insufficientPartnerCashCapacity, "The club does not have enough funded cash capacity.",
                           details: .object(["cashValueMinor": .int(Int64(cash))]))
        }

        let id = try transaction.nextId(.redemption)
        try transaction.post(.redemption, points: -points, to: &member, redemptionId: id)
        let waits = points > settings.approvalThresholdPoints
        let redemption = Redemption(id: id, version: 1, createdAt: transaction.stamp, updatedAt: transaction.stamp,
                                    memberId: member.id, points: points, cashValueMinor: cash,
                                    currency: transaction.club.currency, status: waits ? .pendingApproval : .reserved,
                                    payoutAttempts: 0)
        try transaction.insert(redemption)
        if !waits { try CashHolds.hold(id, amountMinor: cash, in: transaction) }
        if let externalRequestId {
            try transaction.db.execute(sql: """
                INSERT INTO external_requests(externalRequestId, memberId, points, redemptionId) VALUES (?, ?, ?, ?)
                """, arguments: [externalRequestId, member.id, points, id])
        }
        return .object(try redemption.encodedJSON(with: transaction.encoder))
    }
}
