import Foundation
import Mirror
import RewardsContract
import Testing
@testable import Console

/// What the loser of a race is told, for either verb on either object, from the mirror's copy
/// of the object once the winner's version has arrived (contract §5: lastActionBy/lastActionAt),
/// and what is still said when a server omits them.
@Suite struct ConflictTextTests {
    static let winner = "mr_test_winnerwinnerwinnerwin"
    static let actedAt = Timestamp(raw: "2026-11-22T08:41:07Z")  // the same day as Fixtures.now

    /// The losing decision, queued now (its `createdAt`), refused as a race.
    func lost(_ objectId: String, subject: ActionSubject, verb: ActionVerb, in mirror: MirrorStore,
              now: Date = Fixtures.now) throws -> OutboxEntry {
        let entry = try mirror.enqueueAction(subject: subject, objectId: objectId, verb: verb,
                                             body: ActionRequest(expectedVersion: 2).encodedBody(), baseVersion: 2,
                                             note: verb == .escalate ? "mine" : nil,
                                             idempotencyKey: "key-\(UUID().uuidString)", now: now)
        try mirror.markOutboxFailed(seq: entry.seq, code: "version_conflict", message: "stale", requestId: "req_1")
        return try #require(try mirror.outboxEntry(seq: entry.seq))
    }

    func review(status: ReviewStatus, level: Int, by: String?, at: Timestamp?, decidedBy: String? = nil) -> Review {
        var review = Fixtures.review("rev_001", status: status, age: 7_200, requested: 500, available: 120, level: level)
        review.version = 3
        review.lastActionBy = by
        review.lastActionAt = at
        review.decidedBy = decidedBy
        review.decidedAt = decidedBy.map { _ in Self.actedAt }
        return review
    }

    func redemption(status: RedemptionStatus, by: String?, at: Timestamp?) -> Redemption {
        var redemption = Fixtures.redemptions[1].redemption
        redemption.version = 2
        redemption.status = status
        redemption.lastActionBy = by
        redemption.lastActionAt = at
        return redemption
    }

    @Test func anEscalationLostToAnApprovalNamesTheApprover() throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        try mirror.applyActionResult(.review(review(status: .approved, level: 0, by: Self.winner, at: Self.actedAt,
                                                    decidedBy: Self.winner)))
        let entry = try lost("rev_001", subject: .review, verb: .escalate, in: mirror)
        let (text, changed) = try ConflictText.of(entry, in: mirror, now: Fixtures.now)
        #expect(text == "rev_001 approved by \(Self.winner) at 08:41:07Z (version 3); your escalate was not applied")
        #expect(changed)
    }

    @Test func anApprovalLostToAnEscalationNamesTheLevelAndTheDateWhenNotToday() throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        try mirror.applyActionResult(.review(review(status: .escalated, level: 2, by: Self.winner,
                                                    at: Timestamp(raw: "2026-11-21T23:59:58Z"))))
        let entry = try lost("rev_001", subject: .review, verb: .approve, in: mirror)
        let (text, _) = try ConflictText.of(entry, in: mirror, now: Fixtures.now)
        #expect(text == "rev_001 escalated to level 2 by \(Self.winner) at 2026-11-21 23:59:58Z (version 3); your approve was not applied")
    }

    @Test func aServerWithoutLastActionFallsBackToDecidedByOrSaysItDidNotSayWho() throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        try mirror.applyActionResult(.review(review(status: .approved, level: 0, by: nil, at: nil, decidedBy: "mr_test_old")))
        let approved = try ConflictText.of(try lost("rev_001", subject: .review, verb: .escalate, in: mirror), in: mirror,
                                           now: Fixtures.now)
        #expect(approved.text == "rev_001 approved by mr_test_old at 08:41:07Z (version 3); your escalate was not applied")

        var escalated = review(status: .escalated, level: 1, by: nil, at: nil)
        escalated.version = 4
        try mirror.applyActionResult(.review(escalated))
        let unknown = try ConflictText.of(try lost("rev_001", subject: .review, verb: .approve, in: mirror), in: mirror,
                                          now: Fixtures.now)
        #expect(unknown.text == "rev_001 escalated to level 1 by someone else (the platform did not say who) (version 4); your approve was not applied")
    }

    @Test(arguments: [(RedemptionStatus.reserved, ActionVerb.escalate, "approved (now reserved)"),
                      (.escalated, .approve, "escalated")])
    func aRedemptionRaceNamesTheWinnerForEitherVerb(status: RedemptionStatus, verb: ActionVerb, what: String) throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        try mirror.applyActionResult(.redemption(redemption(status: status, by: Self.winner, at: Self.actedAt)))
        let entry = try lost("red_002", subject: .redemption, verb: verb, in: mirror)
        let (text, changed) = try ConflictText.of(entry, in: mirror, now: Fixtures.now)
        #expect(text == "red_002 \(what) by \(Self.winner) at 08:41:07Z (version 2); your \(verb.rawValue) was not applied")
        #expect(!changed, "version 2 is the decision's base version: not newer")
    }

    @Test func aRedemptionMovedByAPayoutLongBeforeTheDecisionIsThePlatforms() throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        // The last operator action is an hour older than the decision: a payout moved it since.
        var paid = redemption(status: .paid, by: Self.winner, at: Timestamp(raw: "2026-11-22T07:41:07Z"))
        paid.version = 5
        try mirror.applyActionResult(.redemption(paid))
        let entry = try lost("red_002", subject: .redemption, verb: .approve, in: mirror)
        let (text, changed) = try ConflictText.of(entry, in: mirror, now: Fixtures.now)
        #expect(text == "red_002 changed (now paid) by the platform (version 5); your approve was not applied")
        #expect(changed)
    }

    @Test func anItemGoneFromThePlatformIsSaidSo() throws {
        let mirror = try DecisionResultTests.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        let entry = try lost("rev_404", subject: .review, verb: .approve, in: mirror)
        let (text, changed) = try ConflictText.of(entry, in: mirror, now: Fixtures.now)
        #expect(text == "rev_404 is no longer on the platform; your approve was not applied")
        #expect(changed)
    }
}
