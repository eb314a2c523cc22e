/// An error code of the contract (§4). Unknown codes are kept as they are.
public struct ErrorCode: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let invalidRequest: ErrorCode = "invalid_request"
    public static let unauthorized: ErrorCode = "unauthorized"
    public static let invalidSignature: ErrorCode = "invalid_signature"
    public static let staleTimestamp: ErrorCode = "stale_timestamp"
    public static let forbidden: ErrorCode = "forbidden"
    public static let cardholderNotFound: ErrorCode = "cardholder_not_found"
    public static let partnerNotFound: ErrorCode = "partner_not_found"
    public static let redemptionNotFound: ErrorCode = "redemption_not_found"
    public static let reviewNotFound: ErrorCode = "review_not_found"
    public static let originalEarnNotFound: ErrorCode = "original_earn_not_found"
    public static let duplicateIdempotencyConflict: ErrorCode = "duplicate_idempotency_conflict"
    public static let duplicateEvent: ErrorCode = "duplicate_event"
    public static let externalTransactionConflict: ErrorCode = "external_transaction_conflict"
    public static let externalRequestConflict: ErrorCode = "external_request_conflict"
    public static let alreadyReversed: ErrorCode = "already_reversed"
    public static let reviewAlreadyDecided: ErrorCode = "review_already_decided"
    public static let versionConflict: ErrorCode = "version_conflict"
    public static let cursorExpired: ErrorCode = "cursor_expired"
    public static let unsupportedCurrency: ErrorCode = "unsupported_currency"
    public static let partnerConfigurationIncomplete: ErrorCode = "partner_configuration_incomplete"
    public static let partnerFundingRestricted: ErrorCode = "partner_funding_restricted"
    public static let insufficientPartnerPointsPool: ErrorCode = "insufficient_partner_points_pool"
    public static let insufficientPointsBalance: ErrorCode = "insufficient_points_balance"
    public static let insufficientPartnerCashCapacity: ErrorCode = "insufficient_partner_cash_capacity"
    public static let missingPayoutReference: ErrorCode = "missing_payout_reference"
    public static let invalidTransactionAmount: ErrorCode = "invalid_transaction_amount"
    public static let pointsCalculationZero: ErrorCode = "points_calculation_zero"
    public static let invalidOriginalEarn: ErrorCode = "invalid_original_earn"
    public static let manualReviewRequired: ErrorCode = "manual_review_required"
    public static let invalidRedemptionPoints: ErrorCode = "invalid_redemption_points"
    public static let invalidRedemptionValue: ErrorCode = "invalid_redemption_value"
    public static let minimumRedemption: ErrorCode = "minimum_redemption"
    public static let rateLimited: ErrorCode = "rate_limited"
    public static let internalError: ErrorCode = "internal_error"
    public static let unavailable: ErrorCode = "unavailable"

    /// The HTTP status and retryability the contract gives each known code (§4).
    public static let table: [ErrorCode: (status: Int, retryable: Bool)] = {
        var table: [ErrorCode: (status: Int, retryable: Bool)] = [:]
        func add(_ status: Int, _ retryable: Bool, _ codes: [ErrorCode]) {
            for code in codes { table[code] = (status, retryable) }
        }
        add(400, false, [.invalidRequest])
        add(401, false, [.unauthorized, .invalidSignature, .staleTimestamp])
        add(403, false, [.forbidden])
        add(404, false, [.cardholderNotFound, .partnerNotFound, .redemptionNotFound, .reviewNotFound,
                         .originalEarnNotFound])
        add(409, false, [.duplicateIdempotencyConflict, .duplicateEvent, .externalTransactionConflict,
                         .externalRequestConflict, .alreadyReversed, .reviewAlreadyDecided, .versionConflict])
        add(410, false, [.cursorExpired])
        add(422, false, [.unsupportedCurrency, .partnerConfigurationIncomplete, .partnerFundingRestricted,
                         .insufficientPartnerPointsPool, .insufficientPointsBalance,
                         .insufficientPartnerCashCapacity, .missingPayoutReference, .invalidTransactionAmount,
                         .pointsCalculationZero, .invalidOriginalEarn, .manualReviewRequired,
                         .invalidRedemptionPoints, .invalidRedemptionValue, .minimumRedemption])
        add(429, true, [.rateLimited])
        add(500, true, [.internalError])
        add(503, true, [.unavailable])
        return table
    }()

    public static var allKnown: [ErrorCode] { table.keys.sorted { $0.rawValue < $1.rawValue } }

    public var httpStatus: Int? { Self.table[self]?.status }
    public var isRetryable: Bool { Self.table[self]?.retryable ?? false }
    public var isKnown: Bool { Self.table[self] != nil }
}
