import RewardsContract
import Terminal

/// A refusal the platform will give as the mirror stands: said in the dialog before anything
/// is sent (the decision can still be sent: the mirror may be behind).
public struct PredictedRefusal: Sendable, Hashable {
    public var code: String
    public var text: String
}

/// What a decision will do, worked out from the mirror before it is confirmed: the dialog's
/// lines ("3,602 points reversed, available 981 → -2,621"), and the refusals the platform will
/// give (no payout details, a cash value under the minimum, a state it cannot be decided in).
/// Pure: a function of the facts, so render and update tests can state it exactly.
enum DecisionOutcome {
    /// The decision on an item, with what the dialog says about it.
    static func action(_ facts: DecisionFacts, _ verb: ActionVerb) -> PendingAction {
        switch facts {
        case .review(let review):
            return PendingAction(subject: .review, objectId: review.review.id, verb: verb,
                                 expectedVersion: review.review.version, summary: summary(review, verb),
                                 predicted: refusals(review, verb), facts: facts)
        case .redemption(let redemption):
            return PendingAction(subject: .redemption, objectId: redemption.redemption.id, verb: verb,
                                 expectedVersion: redemption.redemption.version, summary: summary(redemption, verb),
                                 predicted: refusals(redemption, verb), facts: facts)
        }
    }

    static func title(_ verb: ActionVerb) -> String { verb == .approve ? "Approve" : "Escalate" }

    // MARK: Reviews

    static func summary(_ facts: ReviewFacts, _ verb: ActionVerb) -> [String] {
        let review = facts.review
        var lines = [
            "\(title(verb)) review \(review.id)",
            "\(review.kind.rawValue) · \(Inert.text(review.reasonCode)) · member \(facts.memberLabel)",
            "requested \(Format.points(review.pointsRequested)) pts, available \(Format.points(review.pointsAvailable)), shortfall \(Format.points(review.shortfall))",
        ]
        if verb == .escalate {
            lines.append("Escalation level \(review.escalationLevel) → \(review.escalationLevel + 1).")
            return lines
        }
        switch review.kind {
        case .reversal:
            lines.append(reversalOutcome(facts))
        case .payout:
            lines.append(payoutOutcome(facts))
        default:
            lines.append("Outcome: the review turns approved; the platform applies what a \(Inert.text(review.kind.rawValue)) review means.")
        }
        return lines
    }

    /// "Outcome: 3,602 points reversed, available 981 → -2,621 (…)". The platform reverses the
    /// earn in full (contract §11), so a shortfall takes the balance below zero.
    static func reversalOutcome(_ facts: ReviewFacts) -> String {
        let review = facts.review
        if facts.reversalPosted {
            return "Outcome: the member's ledger already holds a reversal of \(Inert.text(review.subjectRef)): nothing more is reversed; the review turns approved."
        }
        let requested = review.pointsRequested
        let (available, when) = facts.member.map { ($0.pointsAvailable, "") }
            ?? (review.pointsAvailable, " (available as the review opened; the member is not in the mirror)")
        let after = available - requested
        var text = "Outcome: \(Format.points(requested)) points reversed, available \(Format.points(available)) → \(Format.points(after))\(when)"
        if after < 0 {
            text += "; the shortfall of \(Format.points(-after)) leaves the balance below zero (the reversal is posted in full)"
        }
        return text + "."
    }

    static func payoutOutcome(_ facts: ReviewFacts) -> String {
        let redemption = Inert.text(facts.review.subjectRef)
        switch facts.subjectStatus {
        case .payoutFailed?, .escalated?:
            return "Outcome: \(redemption) back to reserved (now \(facts.subjectStatus?.rawValue ?? "")), for another payout attempt."
        case let status?:
            return "Outcome: the review turns approved; \(redemption) stays \(status.rawValue) (only a payout_failed or escalated redemption moves back to reserved)."
        case nil:
            return "Outcome: the review turns approved and \(redemption) (not in the mirror) moves back to reserved if its payout failed."
        }
    }

    static func refusals(_ facts: ReviewFacts, _ verb: ActionVerb) -> [PredictedRefusal] {
        if verb == .escalate, facts.review.escalationLevel >= 3 {
            return [PredictedRefusal(code: "review_already_decided",
                                     text: "Already at escalation level \(facts.review.escalationLevel), the highest: the platform will refuse (review_already_decided).")]
        }
        return []
    }

    // MARK: Redemptions

    static func summary(_ facts: RedemptionFacts, _ verb: ActionVerb) -> [String] {
        let redemption = facts.redemption
        let status = redemption.status
        var lines = [
            "\(title(verb)) redemption \(redemption.id)",
            "\(Format.points(redemption.points)) pts · \(Format.money(redemption.cashValueMinor, Inert.text(redemption.currency))) · member \(facts.memberLabel)",
        ]
        if verb == .approve {
            lines.append(approvable.contains(status) ? "status \(status.rawValue) → reserved"
                : "status \(status.rawValue): only a pending_approval or escalated redemption can be approved")
        } else {
            lines.append(escalatable.contains(status) ? "status \(status.rawValue) → escalated"
                : "status \(status.rawValue): only a pending_approval, reserved or payout_failed redemption can be escalated")
        }
        return lines
    }

    static let approvable: [RedemptionStatus] = [.pendingApproval, .escalated]
    static let escalatable: [RedemptionStatus] = [.pendingApproval, .reserved, .payoutFailed]

    /// In the platform's order (contract §8, docs/api.md): the state, the payout details, the minimum.
    static func refusals(_ facts: RedemptionFacts, _ verb: ActionVerb) -> [PredictedRefusal] {
        let redemption = facts.redemption
        if verb == .escalate {
            guard escalatable.contains(redemption.status) else {
                return [PredictedRefusal(code: "review_already_decided",
                                         text: "The platform will refuse (review_already_decided): the redemption is \(redemption.status.rawValue).")]
            }
            return []
        }
        guard approvable.contains(redemption.status) else {
            return [PredictedRefusal(code: "review_already_decided",
                                     text: "The platform will refuse (review_already_decided): the redemption is \(redemption.status.rawValue).")]
        }
        var found: [PredictedRefusal] = []
        if facts.member?.payoutReady == false {
            found.append(PredictedRefusal(code: "missing_payout_reference",
                                          text: "The member has no payout details: the platform will refuse (missing_payout_reference)."))
        }
        if let minimum = facts.minimumMinor, redemption.cashValueMinor < minimum {
            let currency = Inert.text(redemption.currency)
            found.append(PredictedRefusal(code: "minimum_redemption",
                                          text: "\(Format.money(redemption.cashValueMinor, currency)) is under the platform minimum of \(Format.money(minimum, currency)) (as a refusal stated it): the platform will refuse (minimum_redemption)."))
        }
        return found
    }

    // MARK: Marked rows

    /// "2 of 9 will be refused as the mirror stands: missing_payout_reference ×2"; nil when none.
    static func bulkWarning(_ actions: [PendingAction]) -> String? {
        let refused = actions.filter { !$0.predicted.isEmpty }
        guard !refused.isEmpty else { return nil }
        let codes = refused.compactMap { $0.predicted.first?.code }
        return "\(refused.count) of \(actions.count) will be refused as the mirror stands: \(tally(codes))"
    }

    /// "missing_payout_reference ×2, minimum_redemption ×1", most frequent first.
    static func tally(_ codes: [String]) -> String {
        var counts: [String: Int] = [:]
        for code in codes { counts[code, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(Inert.text($0.key)) ×\($0.value)" }
            .joined(separator: ", ")
    }
}
