/// The club's configuration and balances that the integration endpoints' rules read (contract
/// §10, seed 002). Stored with the state, so a restart on the same file keeps them; change them
/// in-process with `SandboxServer.updateClub(_:)` to put the club in the states that the
/// `partner_*` codes describe.
public struct ClubSettings: Sendable, Codable, Hashable {
    /// A ratio of two integers, so that points and cash are computed exactly.
    public struct Ratio: Sendable, Codable, Hashable {
        public var numerator: Int
        public var denominator: Int

        public init(_ numerator: Int, per denominator: Int) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// false: the club record is gone; integration calls answer 404 `partner_not_found`.
    public var exists = true
    /// false: the club's setup is unfinished; earning and redeeming answer 422
    /// `partner_configuration_incomplete`.
    public var configurationComplete = true
    /// true: new redemptions answer 422 `partner_funding_restricted`.
    public var fundingRestricted = false
    /// Currencies the club accepts but has no earn rate for: settling in one of them answers
    /// 422 `partner_configuration_incomplete` (any other currency but the club's is
    /// `unsupported_currency`).
    public var unconfiguredCurrencies: [String] = ["GBP"]
    /// Points per minor unit spent: points = floor(amountMinor × numerator / denominator).
    public var earnRate = Ratio(1, per: 10)
    /// Minor units of cash per point: cashValueMinor = points × numerator / denominator, which
    /// must come out whole (else `invalid_redemption_value`).
    public var pointValue = Ratio(1, per: 1)
    /// Points the club may still award; an earn above it answers `insufficient_partner_points_pool`.
    /// Earns draw from it and reversals give back.
    public var pointsPool = 10_000_000_000
    /// Funded cash the club may still pay out, in minor units. A redemption that becomes
    /// `reserved` holds its cash value; a cancellation gives it back, a payout spends it.
    public var cashCapacityMinor = 100_000_000
    /// Redemptions of more points than this wait in `pending_approval`.
    public var approvalThresholdPoints = 2_000
    /// The platform minimum cash value of a redemption (`minimum_redemption`).
    public var minimumRedemptionMinor = 100
    /// The largest cash value of one redemption (`invalid_redemption_value` above it).
    public var maximumRedemptionMinor = 1_000_000
    /// Earns older than this cannot be reversed (`invalid_original_earn`).
    public var reversalWindowDays = 180
    /// The largest `amountMinor` of one settled transaction (`invalid_transaction_amount` above it).
    public var maximumTransactionMinor = 1_000_000_000_000

    public init() {}
}

/// Short, in-memory departures from the stored settings: the traffic generator opens one for a
/// single call so that the error log also shows the codes of a club in trouble, without
/// touching the stored settings (a crash mid-incident must not leave the club broken).
package enum ClubIncident: Sendable, Hashable {
    case clubGone
    case fundingRestricted
    case configurationIncomplete
    case cashCapacityExhausted

    func apply(to settings: inout ClubSettings) {
        switch self {
        case .clubGone: settings.exists = false
        case .fundingRestricted: settings.fundingRestricted = true
        case .configurationIncomplete: settings.configurationComplete = false
        case .cashCapacityExhausted: settings.cashCapacityMinor = 0
        }
    }
}
