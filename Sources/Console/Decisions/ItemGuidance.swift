import RewardsContract

/// What a review's kind and reason, a redemption's status and a payout's last error mean, and
/// what a reviewer does about them. A value the console does not know gets no invented
/// meaning: the view shows it as the platform sent it and says so.
enum ItemGuidance {
    static let unknown = "No guidance for this value: it is shown exactly as the platform sent it."

    static func kind(_ kind: ReviewKind) -> String {
        switch kind {
        case .reversal:
            return "the club takes back the points it awarded for a transaction (a refund or a chargeback)"
        case .payout:
            return "a redemption's cash payout keeps failing"
        default:
            return unknown
        }
    }

    /// The meaning of a reason code and what to do about it.
    static func reason(_ code: String) -> (meaning: String, advice: String)? {
        switch code {
        case "manual_review_required":
            return ("the member has spent some of the earned points since, so the reversal cannot be taken from what is available and a person decides",
                    "Approve to reverse in full (the balance may go below zero); escalate with a note when the shortfall should be recovered another way or finance must agree first.")
        case "repeated_payout_failure":
            return ("the payout of the redemption failed three times",
                    "Check the member's payout details and the last error below. Approve to move the redemption back to reserved for another payout attempt once the cause is fixed; escalate when the member or the club's finance must act first.")
        default:
            return nil
        }
    }

    static func redemptionStatus(_ status: RedemptionStatus) -> String {
        switch status {
        case .pendingApproval: return "above the club's approval threshold: it waits for an ops approval"
        case .reserved: return "approved: the points and the cash are held until the payout"
        case .paid: return "paid out"
        case .payoutFailed: return "the last payout attempt failed; it is retried, or escalated"
        case .escalated: return "escalated: it waits for a decision above the desk"
        case .rejected: return "rejected: nothing is paid"
        case .cancelled: return "cancelled: the points went back to the member"
        default: return unknown
        }
    }

    /// What to do about a payout's last error: the contract's codes through the Error log's
    /// advice, the payout provider's own codes here.
    static func payoutError(_ code: String) -> String {
        if let advice = ErrorGuidance.advice(for: code) { return advice.whatToFix }
        switch code {
        case "payout_rejected":
            return "The bank refused the transfer (an account closed, a wrong IBAN): the member's payout details must be corrected before another attempt."
        case "payout_timeout":
            return "The payout provider did not confirm in time: usually transient; another attempt normally goes through."
        default:
            return unknown
        }
    }
}
