import Foundation
import RewardsContract

/// Failed integration calls, as the platform would have logged them (contract §5).
enum RequestLogFactory {
    private struct Template {
        let code: ErrorCode
        let method: String
        let path: String
        let message: String
        let weight: Int
    }

    private static let templates: [Template] = [
        Template(code: .invalidRequest, method: "POST", path: "/v1/members", message: "The member payload contains an invalid email address.", weight: 10),
        Template(code: .unauthorized, method: "POST", path: "/v1/transactions/settled", message: "The API key is not valid for this environment.", weight: 5),
        Template(code: .invalidSignature, method: "POST", path: "/v1/transactions/settled", message: "Request signature could not be verified", weight: 6),
        Template(code: .staleTimestamp, method: "POST", path: "/v1/redemptions", message: "The request timestamp is too far from the server time.", weight: 4),
        Template(code: .cardholderNotFound, method: "POST", path: "/v1/transactions/settled", message: "No member with this id exists in the club.", weight: 8),
        Template(code: .partnerNotFound, method: "POST", path: "/v1/members", message: "The club record no longer exists.", weight: 1),
        Template(code: .redemptionNotFound, method: "POST", path: "/v1/redemptions", message: "No redemption with this id exists.", weight: 2),
        Template(code: .originalEarnNotFound, method: "POST", path: "/v1/reversals", message: "No settled earn award exists for this externalTransactionId.", weight: 5),
        Template(code: .duplicateIdempotencyConflict, method: "POST", path: "/v1/transactions/settled", message: "Idempotency key was reused with a different payload.", weight: 4),
        Template(code: .duplicateEvent, method: "POST", path: "/v1/transactions/settled", message: "This transaction was already settled.", weight: 4),
        Template(code: .externalTransactionConflict, method: "POST", path: "/v1/transactions/settled", message: "The same externalTransactionId was used with a different payload.", weight: 3),
        Template(code: .alreadyReversed, method: "POST", path: "/v1/reversals", message: "The settled earn has already been reversed.", weight: 3),
        Template(code: .manualReviewRequired, method: "POST", path: "/v1/reversals", message: "The original points are no longer fully available to reverse.", weight: 5),
        Template(code: .unsupportedCurrency, method: "POST", path: "/v1/transactions/settled", message: "The currency is not supported by this club.", weight: 3),
        Template(code: .insufficientPointsBalance, method: "POST", path: "/v1/redemptions", message: "The member does not have enough points.", weight: 6),
        Template(code: .missingPayoutReference, method: "POST", path: "/v1/redemptions", message: "The member does not yet have payout details ready.", weight: 4),
        Template(code: .insufficientPartnerCashCapacity, method: "POST", path: "/v1/redemptions", message: "The club does not have enough funded cash capacity.", weight: 2),
        Template(code: .minimumRedemption, method: "POST", path: "/v1/redemptions", message: "The cash value is below the platform minimum.", weight: 3),
        Template(code: .invalidTransactionAmount, method: "POST", path: "/v1/transactions/settled", message: "transaction.amountMinor must be greater than zero.", weight: 3),
        Template(code: .pointsCalculationZero, method: "POST", path: "/v1/transactions/settled", message: "The earn rate and amount produced no points.", weight: 2),
        Template(code: .invalidOriginalEarn, method: "POST", path: "/v1/reversals", message: "The original earn cannot be reversed.", weight: 1),
        Template(code: .invalidRedemptionPoints, method: "POST", path: "/v1/redemptions", message: "points must be a positive integer.", weight: 1),
        Template(code: .partnerFundingRestricted, method: "POST", path: "/v1/redemptions", message: "The club's funding is restricted.", weight: 1),
        Template(code: .rateLimited, method: "POST", path: "/v1/transactions/settled", message: "Too many requests; retry after the indicated delay.", weight: 3),
        Template(code: .internalError, method: "POST", path: "/v1/redemptions", message: "An unexpected error occurred.", weight: 2),
        Template(code: .unavailable, method: "POST", path: "/v1/transactions/settled", message: "The service is temporarily unavailable.", weight: 2),
        // A code this contract does not list: clients must show it as it is.
        Template(code: "upstream_timeout", method: "POST", path: "/v1/redemptions", message: "The payout provider did not answer in time.", weight: 1),
    ]

    static func make(id: String, at date: Date, fractionalDigits: Int, memberId: String,
                     using rng: inout SeededGenerator) -> RequestLog {
        let template = rng.weighted(templates.map { ($0, $0.weight) })
        let known = ErrorCode.table[template.code]
        let status = known?.status ?? 504
        let retryable = known?.retryable ?? true
        let at = Timestamp(date, fractionalDigits: fractionalDigits)
        let idempotencyKey: String? = rng.chance(0.6) ? "idem-" + rng.alphanumerics(16) : nil
        return RequestLog(id: id, version: 1, createdAt: at, updatedAt: at, requestId: "req_" + rng.alphanumerics(20),
                          at: at, method: template.method, path: template.path, httpStatus: status,
                          code: template.code, message: template.message, retryable: retryable,
                          idempotencyKey: idempotencyKey,
                          details: details(for: template.code, date: date, memberId: memberId,
                                           idempotencyKey: idempotencyKey, using: &rng))
    }

    private static func details(for code: ErrorCode, date: Date, memberId: String, idempotencyKey: String?,
                                using rng: inout SeededGenerator) -> JSONValue? {
        switch code {
        case .staleTimestamp:
            return .object(["serverTime": .int(Int64(date.timeIntervalSince1970))])
        case .duplicateIdempotencyConflict:
            return .object(["idempotencyKey": .string(idempotencyKey ?? "idem-" + rng.alphanumerics(16))])
        case .cardholderNotFound, .missingPayoutReference:
            return .object(["memberId": .string(memberId)])
        case .insufficientPointsBalance:
            let available = Int64.random(in: 0...900, using: &rng)
            return .object(["pointsRequested": .int(available + Int64.random(in: 100...5000, using: &rng)),
                            "pointsAvailable": .int(available)])
        case .unsupportedCurrency:
            return .object(["currency": .string(rng.pick(["XAU", "BTC", "usd", "JPY"]))])
        case .invalidRequest:
            return .object(["field": .string("email")])
        case .rateLimited, .unavailable:
            return .object(["retryAfter": .int(Int64.random(in: 1...30, using: &rng))])
        default:
            return nil
        }
    }
}
