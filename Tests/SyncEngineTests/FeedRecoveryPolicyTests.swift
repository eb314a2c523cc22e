import RewardsClient
import RewardsContract
import SyncEngine
import Testing

/// Refused cursors: a few re-bootstraps with growing, jittered waits, then a clear stop.
@Suite struct FeedRecoveryPolicyTests {
    func refusal(_ status: Int, _ code: ErrorCode) -> PlatformError {
        PlatformError(kind: .api(status: status, body: APIErrorBody(code: code, message: "m")), method: "GET",
                      path: "/v1/changes?after=x", requestId: "req_1", attempts: 1)
    }

    @Test func expiredCursorsRebootstrapWithJitteredBackoffThenGiveUp() {
        let policy = FeedRecoveryPolicy(maxExpiredRebootstraps: 3, baseDelaySeconds: 1, maxDelaySeconds: 30)
        var tally = FeedRecoveryPolicy.Tally()
        let expired = refusal(410, .cursorExpired)
        #expect(policy.decide(expired, tally: &tally, random: 1) == .rebootstrap(afterSeconds: 0), "the first at once")
        #expect(policy.decide(expired, tally: &tally, random: 1) == .rebootstrap(afterSeconds: 2))
        #expect(policy.decide(expired, tally: &tally, random: 0.5) == .rebootstrap(afterSeconds: 2), "half of 4: jitter")
        guard case .giveUp(let reason) = policy.decide(expired, tally: &tally, random: 1) else {
            Issue.record("a fourth expiry must give up")
            return
        }
        #expect(reason.contains("expired 4 times"))
    }

    @Test func anInvalidCursorRebootstrapsOnce() {
        let policy = FeedRecoveryPolicy.standard
        var tally = FeedRecoveryPolicy.Tally()
        let invalid = refusal(400, .invalidRequest)
        #expect(policy.decide(invalid, tally: &tally, random: 0.3) == .rebootstrap(afterSeconds: 0))
        if case .giveUp = policy.decide(invalid, tally: &tally, random: 0.3) {} else {
            Issue.record("a second refusal must give up")
        }
    }

    @Test func otherErrorsAreNotItsBusiness() {
        var tally = FeedRecoveryPolicy.Tally()
        #expect(FeedRecoveryPolicy.standard.decide(refusal(503, .unavailable), tally: &tally, random: 0) == .notACursorRefusal)
        #expect(FeedRecoveryPolicy.standard.decide(refusal(401, .unauthorized), tally: &tally, random: 0) == .notACursorRefusal)
        #expect(tally == FeedRecoveryPolicy.Tally())
    }
}
