/// Whether sending the same call again can succeed.
public enum RetryAdvice: Sendable, Hashable {
    /// Yes: the platform failed, not the request (a POST again with the same key and body).
    case yes
    /// Yes, but only once the `Retry-After` seconds have passed.
    case afterRetryAfter
    /// No: the same call fails the same way until something is fixed.
    case no
    /// Not the call: the feed cursor is gone, the mirror must bootstrap again.
    case reBootstrap
    /// Only as the very same request: same body and same `Idempotency-Key` (GETs freely).
    case sameKeyOnly

    /// Whether an identical call may be sent again at all.
    public var mayRetry: Bool {
        switch self {
        case .yes, .afterRetryAfter, .sameKeyOnly: return true
        case .no, .reBootstrap: return false
        }
    }

    /// A few words for a table cell.
    public var label: String {
        switch self {
        case .yes: return "retry"
        case .afterRetryAfter: return "retry after Retry-After"
        case .no: return "don't retry"
        case .reBootstrap: return "re-bootstrap"
        case .sameKeyOnly: return "retry same key only"
        }
    }

    /// The verdict in full, for the detail view.
    public var sentence: String {
        switch self {
        case .yes: return "Retry: yes. The platform failed, not the request; a POST goes again with the same Idempotency-Key and body."
        case .afterRetryAfter: return "Retry: yes, once Retry-After has passed; a POST with the same Idempotency-Key and body."
        case .no: return "Retry: no. The same call fails the same way until the cause below is fixed."
        case .reBootstrap: return "Retry: no. The mirror bootstraps again instead of resuming the feed."
        case .sameKeyOnly: return "Retry: only as the same request, with the same body and the same Idempotency-Key."
        }
    }
}

/// What an operator should do about one error code.
public struct Advice: Sendable, Hashable {
    public var retry: RetryAdvice
    /// What is wrong and what to change before anything is sent again.
    public var whatToFix: String
    /// When and to whom it goes beyond the operator; nil when it need not.
    public var escalate: String?

    public init(retry: RetryAdvice, whatToFix: String, escalate: String? = nil) {
        self.retry = retry; self.whatToFix = whatToFix; self.escalate = escalate
    }

    /// One line for a table cell: the retry verdict and the first sentence of the fix.
    public var summary: String {
        // ". " and not ".": field names such as details.serverTime hold a dot.
        let firstSentence = whatToFix.range(of: ". ").map { String(whatToFix[..<$0.lowerBound]) } ?? whatToFix
        return "\(retry.label) — \(firstSentence)"
    }
}

/// The console's advice for every error code of the contract (§4) and for its own client
/// errors, following seed 002's rules: retry only transient failures, and a POST only as the
/// same request; fix the input first for signature, currency, payout reference, points and
/// club configuration errors; send manual reviews and repeated payout failures to ops review.
/// A code not listed gets no advice: the pane shows it exactly as the server sent it.
public enum ErrorGuidance {
    public static func advice(for code: String) -> Advice? { table[code] }

    /// Every code that has advice.
    public static var codes: [String] { table.keys.sorted() }

    static let table: [String: Advice] = [
        // 400
        "invalid_request": Advice(retry: .no, whatToFix: "The call itself is malformed: a missing or unknown field, a bad header, a limit over 1000 or no Idempotency-Key on a POST. Fix the caller; the message names the part."),
        // 401
        "unauthorized": Advice(retry: .no, whatToFix: "The key is unknown, inactive, of the other environment (test vs live) or not this club's. Use the right key for the environment.",
                               escalate: "If the key should work, have the club's key administrator check it."),
        "invalid_signature": Advice(retry: .no, whatToFix: "The signature does not match. Sign the exact bytes sent (path, query, body hash) with the secret as issued, then send again."),
        "stale_timestamp": Advice(retry: .no, whatToFix: "The caller's clock is more than 300 s off; details.serverTime has the server's. Fix the clock (NTP) before sending again."),
        // 403
        "forbidden": Advice(retry: .no, whatToFix: "This key's role may not do that (support keys are read-only). Use an ops key."),
        // 404
        "cardholder_not_found": Advice(retry: .no, whatToFix: "No such member in this club: a wrong id, a purged member or the other environment. Check the member id."),
        "partner_not_found": Advice(retry: .no, whatToFix: "The club record behind the key no longer exists. Nothing the caller can change.",
                                    escalate: "Escalate to the platform team: the club's setup is gone."),
        "redemption_not_found": Advice(retry: .no, whatToFix: "No such redemption in this club. Check the id and the environment."),
        "review_not_found": Advice(retry: .no, whatToFix: "No such review; it may have been purged. Refresh the queue."),
        "original_earn_not_found": Advice(retry: .no, whatToFix: "No settled earn exists for this externalTransactionId. Settle the earn first or correct the id."),
        // 409
        "duplicate_idempotency_conflict": Advice(retry: .no, whatToFix: "The Idempotency-Key was used before with another body (details.idempotencyKey). Resend the original body, or use a new key for a new request."),
        "duplicate_event": Advice(retry: .no, whatToFix: "This transaction was already processed with the same payload. Nothing to fix: stop resending it."),
        "external_transaction_conflict": Advice(retry: .no, whatToFix: "The externalTransactionId was already used with a different payload. Give a different transaction its own id."),
        "external_request_conflict": Advice(retry: .no, whatToFix: "The external request id was already used with a different payload. Use a new id, or send the original payload."),
        "already_reversed": Advice(retry: .no, whatToFix: "That earn has already been reversed. Nothing more to do."),
        "review_already_decided": Advice(retry: .no, whatToFix: "Already decided: the review is approved or at level 3, or the redemption no longer waits for approval. Refresh and look again."),
        "version_conflict": Advice(retry: .no, whatToFix: "The object changed since it was read (details.currentVersion). Refresh, check the new state, then decide again."),
        // 410
        "cursor_expired": Advice(retry: .reBootstrap, whatToFix: "The feed cursor is older than the server's history. The sync engine bootstraps again on its own; nothing to fix."),
        // 422
        "unsupported_currency": Advice(retry: .no, whatToFix: "Currency mismatch: the amount is not in the club's currency. Fix the currency in the caller."),
        "partner_configuration_incomplete": Advice(retry: .no, whatToFix: "The club's configuration is incomplete (earn rate, payout setup). It has to be completed first.",
                                                   escalate: "Escalate to whoever manages the club's setup."),
        "partner_funding_restricted": Advice(retry: .no, whatToFix: "The club's funding is restricted, so nothing can be paid out. Not fixable from here.",
                                             escalate: "Escalate to the club's finance contact."),
        "insufficient_partner_points_pool": Advice(retry: .no, whatToFix: "The club's points pool cannot cover this award. The pool must be topped up first.",
                                                   escalate: "Escalate to the club's finance contact."),
        "insufficient_points_balance": Advice(retry: .no, whatToFix: "The member has fewer available points than asked (pending points do not count). Lower the amount or wait for points to post."),
        "insufficient_partner_cash_capacity": Advice(retry: .no, whatToFix: "The club lacks funded cash to pay this out. Wait for funding; the redemption is unchanged.",
                                                     escalate: "Escalate to the club's finance contact if it persists."),
        "missing_payout_reference": Advice(retry: .no, whatToFix: "The member has no payout details on file yet. Get them added, then approve again."),
        "invalid_transaction_amount": Advice(retry: .no, whatToFix: "transaction.amountMinor must be greater than zero. Fix the amount."),
        "points_calculation_zero": Advice(retry: .no, whatToFix: "The club's earn rate turns this amount into 0 points. Nothing to award; check the earn rate if unexpected."),
        "invalid_original_earn": Advice(retry: .no, whatToFix: "The referenced transaction is not a reversible settled earn. Check the externalTransactionId."),
        "manual_review_required": Advice(retry: .no, whatToFix: "The earned points are no longer all available, so the reversal waits for a person; an open review was created.",
                                         escalate: "Ops review: decide it in the Review queue (3)."),
        "invalid_redemption_points": Advice(retry: .no, whatToFix: "The points asked for are not a valid amount. Send a positive whole number."),
        "invalid_redemption_value": Advice(retry: .no, whatToFix: "The redemption's cash value is not valid. Check the points and the club's redemption rate."),
        "minimum_redemption": Advice(retry: .no, whatToFix: "The cash value is below the platform minimum. Redeem more points."),
        // 429, 500, 503
        "rate_limited": Advice(retry: .afterRetryAfter, whatToFix: "The key went over its rate limit. Wait out Retry-After; every request of the key waits meanwhile.",
                               escalate: "If it keeps happening, lower the key's traffic."),
        "internal_error": Advice(retry: .yes, whatToFix: "The platform failed and applied nothing. Retry; a POST with the same key and body.",
                                 escalate: "If it repeats, report the request id to the platform team."),
        "unavailable": Advice(retry: .afterRetryAfter, whatToFix: "The platform is down or overloaded. Retry after Retry-After, a POST with the same key and body.",
                              escalate: "If it lasts, check the platform's status with the platform team."),
        // The console's own client errors
        "transport_error": Advice(retry: .sameKeyOnly, whatToFix: "No usable answer: connection lost, timeout, cut body or a proxy's page. A GET may go again; a POST only with the same body and key."),
        "invalid_response": Advice(retry: .no, whatToFix: "A success whose body did not match the contract: client and platform disagree on a format.",
                                   escalate: "Report it with the request id to the console's maintainers."),
    ]
}
