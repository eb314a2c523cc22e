import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// Opening a review's or a redemption's view, going from one item to the next and back, the
/// ledger a reversal needs, and deciding from a view.
@Suite struct ItemDetailUpdateTests {
    typealias F = ItemDetailFixtures

    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    @Test func enterOnAReviewOpensTheReviewAndEnterOnARedemptionTheRedemption() {
        var state = Fixtures.state()
        #expect(send(&state, .enter) == [.loadReviewDetail("rev_001")])
        #expect((state.detail as? ReviewDetailState)?.reviewId == "rev_001")
        _ = send(&state, .escape)
        #expect(state.detail == nil)
        state.pane = .redemptions
        #expect(send(&state, .enter) == [.loadRedemptionDetail("red_001")])
        #expect((state.detail as? RedemptionDetailState)?.redemptionId == "red_001")
    }

    @Test func aReversalWithoutItsEarnInTheMirrorFetchesTheLedgerOnceThenReadsAgain() {
        var state = Fixtures.state()
        _ = send(&state, .enter)
        var detail = F.reviewDetail()
        detail.review.id = "rev_001"
        detail.earn = nil
        detail.ledgerHeld = false
        #expect(Update.update(&state, .reviewDetailLoaded("rev_001", detail)) == [.fetchLedger(memberId: "mem_002")])
        #expect((state.detail as? ReviewDetailState)?.ledger == .fetching)
        #expect(RootView.render(state).text().contains("earn tx_9001 — fetching the member's ledger…"))
        // A second answer while fetching asks for nothing more.
        #expect(Update.update(&state, .reviewDetailLoaded("rev_001", detail)).isEmpty)
        #expect(Update.update(&state, .ledgerFetched(memberId: "mem_999", error: nil)).isEmpty, "another member's")
        #expect(Update.update(&state, .ledgerFetched(memberId: "mem_002", error: nil)) == [.loadReviewDetail("rev_001")])
        #expect((state.detail as? ReviewDetailState)?.ledger == .fetched)
        detail.earn = F.earn
        _ = Update.update(&state, .reviewDetailLoaded("rev_001", detail))
        #expect(RootView.render(state).text().contains("earn tx_9001: +3,602 points"))
    }

    @Test func aFailedLedgerFetchIsSaid() {
        var state = Fixtures.state()
        _ = send(&state, .enter)
        var detail = F.reviewDetail(note: nil)
        detail.review.id = "rev_001"
        detail.earn = nil
        _ = Update.update(&state, .reviewDetailLoaded("rev_001", detail))
        #expect(Update.update(&state, .ledgerFetched(memberId: "mem_002", error: "unavailable (HTTP 503)")).isEmpty)
        #expect(RootView.render(state).text().contains("the ledger fetch failed: unavailable (HTTP 503)"))
    }

    @Test func mOpensTheMemberOverTheReviewAndEscComesBack() {
        var state = F.openReview()
        #expect(send(&state, .char("m")) == [.loadMemberDetail(memberId: "mem_002"), .fetchLedger(memberId: "mem_002")])
        #expect(state.memberDetail?.memberId == "mem_002")
        #expect(send(&state, .escape) == [.loadReviewDetail("rev_010")], "back to the review, read again")
        #expect((state.detail as? ReviewDetailState)?.reviewId == "rev_010")
        #expect(send(&state, .escape).isEmpty)
        #expect(state.detail == nil)
    }

    @Test func mOnAQueueRowOpensItsMember() {
        var state = Fixtures.state()
        #expect(send(&state, .char("m")) == [.loadMemberDetail(memberId: "mem_002"), .fetchLedger(memberId: "mem_002")])
        state = Fixtures.state()
        state.pane = .redemptions
        #expect(send(&state, .char("m")) == [.loadMemberDetail(memberId: "mem_001"), .fetchLedger(memberId: "mem_001")])
    }

    @Test func enterOnAPayoutReviewOpensItsRedemptionAndFromThereTheReviewAgain() {
        var state = F.openReview(F.payoutReview())
        #expect(send(&state, .enter) == [.loadRedemptionDetail("red_050")])
        var redemption = F.redemptionDetail()
        redemption.redemption.id = "red_050"
        redemption.reviews = [F.payoutReview().review]
        _ = Update.update(&state, .redemptionDetailLoaded("red_050", redemption))
        #expect(send(&state, .enter) == [.loadReviewDetail("rev_020")])
        #expect(state.detailTrail.count == 2)
        _ = send(&state, .escape, .escape, .escape)
        #expect(state.detail == nil && state.detailTrail.isEmpty)
    }

    @Test func aPaneKeyLeavesEveryViewForThePane() {
        var state = F.openReview()
        _ = send(&state, .char("m"))
        _ = send(&state, .char("2"))
        #expect(state.detail == nil && state.detailTrail.isEmpty)
        #expect(state.pane == .redemptions)
    }

    @Test func theListKeysOfThePaneDoNothingUnderAView() {
        var state = F.openReview()
        let filter = state.reviews.filter
        #expect(send(&state, .char("s"), .char(" "), .char("/")).isEmpty)
        #expect(state.reviews.filter == filter && state.marks.isEmpty && state.filterInput == nil)
        #expect(state.detail != nil)
    }

    @Test func aAndEDecideTheViewsItemWithTheVersionTheViewShows() throws {
        var state = F.openReview()
        _ = send(&state, .char("a"))
        let approve = try #require(state.dialog?.actions.first)
        #expect(approve.objectId == "rev_010" && approve.expectedVersion == 5 && approve.subject == .review)
        #expect(approve.summary.last?.hasPrefix("Outcome: 3,602 points reversed, available 981 → -2,621") == true)
        _ = send(&state, .escape)
        _ = send(&state, .char("e"))
        #expect(state.dialog?.step == .note)
        #expect(state.dialog?.actions.first?.summary.last == "Escalation level 1 → 2.")
        for character in "finance" { _ = send(&state, .char(character)) }
        _ = send(&state, .enter)
        let commands = send(&state, .char("y"))
        guard case .enqueue(let action, _)? = commands.first else { Issue.record("nothing queued"); return }
        #expect(action.objectId == "rev_010" && action.verb == .escalate && action.note == "finance")
        #expect(action.expectedVersion == 5)
        #expect(state.detail != nil, "the view stays open")
    }

    @Test func aViewOpenedFromTheErrorLogStillDecidesItsItem() throws {
        var state = ErrorLogFixtures.state()
        state.detail = F.openRedemption().detail
        _ = send(&state, .char("a"))
        let action = try #require(state.dialog?.actions.first)
        #expect(action.objectId == "red_060" && action.subject == .redemption)
        #expect(action.predicted.map(\.code) == ["missing_payout_reference"])
    }

    @Test func anApprovedReviewIsRefusedFromItsViewToo() {
        var detail = F.reviewDetail(note: nil)
        detail.review.status = .approved
        detail.review.decidedBy = "mr_test_other"
        var state = F.openReview(detail)
        _ = send(&state, .char("a"))
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "rev_010 is already approved by mr_test_other")
    }

    @Test func aReadOnlyKeyCannotDecideFromAView() {
        var state = F.openReview()
        state.identity?.role = .support
        _ = send(&state, .char("a"))
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Read-only key (role support): approve is not allowed")
    }

    @Test func theErrorLogsFailureDetailOpensTheObjectItNames() {
        var state = ErrorLogFixtures.state()
        var log = Fixtures.logs[0]
        log.path = "/v1/reviews/rev_777/approve"
        state.errors.list.apply(Fixtures.rows([log], key: \.id), select: .index(0), atStart: true)
        state.errors.filter.code = log.code.rawValue
        state.errors.extra.mode = .detail
        #expect(RootView.render(state).text().contains("rev_777 · Enter opens it"))
        #expect(send(&state, .enter) == [.loadReviewDetail("rev_777")])
        _ = send(&state, .escape)
        #expect(state.detail == nil && state.pane == .errors && state.errors.extra.mode == .detail)
        #expect(Update.openObject(&state, objectId: "log_1") == nil, "not an id the console has a view of")
    }

    @Test func upperCaseAApprovesWithAnOptionalNote() throws {
        var state = Fixtures.state()
        _ = send(&state, .char("A"))
        #expect(state.dialog?.step == .note && state.dialog?.noteRequired == false)
        #expect(RootView.render(state).text().contains("Approval note (optional)"))
        _ = send(&state, .enter)
        #expect(state.dialog?.step == .confirm, "no note is fine")
        #expect(state.dialog?.noteError == nil)
        var commands = send(&state, .char("y"))
        guard case .enqueue(let plain, _)? = commands.first else { Issue.record("nothing queued"); return }
        #expect(plain.verb == .approve && plain.note == nil)
        state = Fixtures.state()
        _ = send(&state, .char("A"))
        for character in "checked with the club" { _ = send(&state, .char(character)) }
        _ = send(&state, .enter)
        #expect(RootView.render(state).text().contains("Note: checked with the club"))
        commands = send(&state, .char("y"))
        guard case .enqueue(let noted, _)? = commands.first else { Issue.record("nothing queued"); return }
        #expect(noted.verb == .approve && noted.note == "checked with the club")
    }
}
