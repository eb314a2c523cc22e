import RewardsContract
import Testing
@testable import Console

/// Every code of the contract has advice that agrees with the contract's retryability.
@Suite struct ErrorGuidanceTests {
    @Test func everyContractCodeHasAdvice() {
        #expect(ErrorCode.allKnown.count == 35)
        for code in ErrorCode.allKnown {
            let advice = ErrorGuidance.advice(for: code.rawValue)
            #expect(advice != nil, "no advice for \(code.rawValue)")
            #expect(!(advice?.whatToFix.isEmpty ?? true))
        }
    }

    @Test func theConsolesOwnClientErrorsHaveAdviceToo() {
        #expect(ErrorGuidance.advice(for: "transport_error")?.retry == .sameKeyOnly)
        #expect(ErrorGuidance.advice(for: "invalid_response")?.retry == .no)
        #expect(ErrorGuidance.codes.count == ErrorCode.allKnown.count + 2, "no advice for a code nobody sends")
    }

    @Test func nonRetryableCodesSayNoAndTransientOnesSayYes() {
        for code in ErrorCode.allKnown {
            guard let advice = ErrorGuidance.advice(for: code.rawValue) else { continue }
            #expect(advice.retry.mayRetry == code.isRetryable, "\(code.rawValue): \(advice.retry)")
        }
        #expect(ErrorGuidance.advice(for: "rate_limited")?.retry == .afterRetryAfter)
        #expect(ErrorGuidance.advice(for: "internal_error")?.retry == .yes)
        #expect(ErrorGuidance.advice(for: "unavailable")?.retry == .afterRetryAfter)
        #expect(ErrorGuidance.advice(for: "cursor_expired")?.retry == .reBootstrap)
    }

    @Test func seedRulesAreFollowed() {
        // Do not retry without fixing input: signature, currency, payout reference, points, club configuration.
        for code in ["invalid_signature", "unsupported_currency", "missing_payout_reference",
                     "insufficient_points_balance", "partner_configuration_incomplete"] {
            #expect(ErrorGuidance.advice(for: code)?.retry == .no, "\(code)")
        }
        // Escalate for ops review.
        #expect(ErrorGuidance.advice(for: "manual_review_required")?.escalate?.contains("Ops review") == true)
    }

    @Test func unknownCodesHaveNone() {
        #expect(ErrorGuidance.advice(for: "teapot_overflow") == nil)
        #expect(ErrorGuidance.advice(for: "") == nil)
        #expect(ErrorGuidance.advice(for: "Rate_Limited") == nil, "codes are matched exactly")
    }

    @Test func theSummaryIsTheVerdictAndTheFirstSentence() {
        #expect(ErrorGuidance.advice(for: "stale_timestamp")?.summary
            == "don't retry — The caller's clock is more than 300 s off; details.serverTime has the server's")
    }
}
