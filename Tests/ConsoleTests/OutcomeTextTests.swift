import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// The dialog says what a decision will do, from what the mirror read beside the row, and
/// warns of the refusals the platform will give, before anything is sent.
@Suite struct OutcomeTextTests {
    func dialogText(_ state: AppState) -> String { flat(RootView.render(state).text()) }

    func reviewState(member: MemberStanding?, subjectStatus: RedemptionStatus? = nil, kind: ReviewKind = .reversal,
                     level: Int = 0, reversalPosted: Bool = false) -> AppState {
        var state = Fixtures.state()
        var review = Fixtures.review("rev_001", status: .open, age: 60, requested: 3_602, available: 981, level: level)
        review.kind = kind
        if kind == .payout { review.subjectRef = "red_3qi7f28sodsvq" }
        let row = ReviewRow(review: review, memberName: "鈴木 一郎", member: member, subjectStatus: subjectStatus,
                            reversalPosted: reversalPosted)
        state.reviews.list.apply(Fixtures.rows([row], key: \.review.id), select: .index(0), atStart: true)
        return state
    }

    @Test func approvingAReversalSaysWhatTheBalanceBecomes() {
        var state = reviewState(member: MemberStanding(pointsAvailable: 981, payoutReady: true))
        _ = Update.update(&state, .key(.char("a")))
        let text = dialogText(state)
        #expect(text.contains("requested 3,602 pts, available 981, shortfall 2,621"))
        #expect(text.contains("Outcome: 3,602 points reversed, available 981 → -2,621; the shortfall of 2,621 leaves the balance below zero (the reversal is posted in full)."))
        #expect(!text.contains("⚠"))
    }

    @Test func theMembersBalanceNowCountsNotTheOneWhenTheReviewOpened() {
        var state = reviewState(member: MemberStanding(pointsAvailable: 5_000, payoutReady: true))
        _ = Update.update(&state, .key(.char("a")))
        #expect(dialogText(state).contains("Outcome: 3,602 points reversed, available 5,000 → 1,398."))
        state = reviewState(member: nil)
        _ = Update.update(&state, .key(.char("a")))
        #expect(dialogText(state).contains("available 981 → -2,621 (available as the review opened; the member is not in the mirror)"))
    }

    @Test func aReversalAlreadyInTheLedgerReversesNothingMore() {
        var state = reviewState(member: MemberStanding(pointsAvailable: 0, payoutReady: true), reversalPosted: true)
        _ = Update.update(&state, .key(.char("a")))
        #expect(dialogText(state).contains("Outcome: the member's ledger already holds a reversal of tx_rev_001: nothing more is reversed; the review turns approved."))
    }

    @Test(arguments: [(RedemptionStatus?.some(.payoutFailed), "Outcome: red_3qi7f28sodsvq back to reserved (now payout_failed), for another payout attempt."),
                      (.some(.reserved), "Outcome: the review turns approved; red_3qi7f28sodsvq stays reserved (only a payout_failed or escalated redemption moves back to reserved)."),
                      (nil, "Outcome: the review turns approved and red_3qi7f28sodsvq (not in the mirror) moves back to reserved if its payout failed.")])
    func approvingAPayoutReviewSaysWhatBecomesOfItsRedemption(status: RedemptionStatus?, expected: String) {
        var state = reviewState(member: nil, subjectStatus: status, kind: .payout)
        _ = Update.update(&state, .key(.char("a")))
        #expect(dialogText(state).contains(expected), "\(dialogText(state))")
    }

    @Test func escalatingSaysTheNextLevelAndWarnsPastTheLast() {
        var state = reviewState(member: nil, level: 3)
        _ = Update.update(&state, .key(.char("e")))
        for character in "again" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.enter))
        let text = dialogText(state)
        #expect(text.contains("Escalation level 3 → 4."))
        #expect(text.contains("⚠ Already at escalation level 3, the highest: the platform will refuse (review_already_decided)."))
    }

    func redemptionState(status: RedemptionStatus = .pendingApproval, payoutReady: Bool?, cash: Int = 2_000,
                         minimum: Int? = nil) -> AppState {
        var state = Fixtures.state()
        state.pane = .redemptions
        let redemption = Redemption(id: "red_009", version: 4, createdAt: Fixtures.ago(60), updatedAt: Fixtures.ago(60),
                                    memberId: "mem_001", points: cash, cashValueMinor: cash, currency: "EUR", status: status,
                                    payoutAttempts: 0)
        let row = RedemptionRow(redemption: redemption, memberName: "Zoë Åsheim",
                                member: payoutReady.map { MemberStanding(pointsAvailable: 10, payoutReady: $0) },
                                minimumMinor: minimum)
        state.redemptions.list.apply(Fixtures.rows([row], key: \.redemption.id), select: .index(0), atStart: true)
        return state
    }

    @Test func approvingARedemptionWarnsOfEveryPredictableRefusal() throws {
        var state = redemptionState(payoutReady: false, cash: 50, minimum: 100)
        _ = Update.update(&state, .key(.char("a")))
        let action = try #require(state.dialog?.actions.first)
        #expect(action.predicted.map(\.code) == ["missing_payout_reference", "minimum_redemption"])
        let text = dialogText(state)
        #expect(text.contains("status pending_approval → reserved"))
        #expect(text.contains("⚠ The member has no payout details: the platform will refuse (missing_payout_reference)."))
        #expect(text.contains("⚠ 0.50 EUR is under the platform minimum of 1.00 EUR (as a refusal stated it): the platform will refuse (minimum_redemption)."))
        // Sent anyway if confirmed: the mirror may be behind.
        let commands = Update.update(&state, .key(.char("y")))
        #expect(commands.count == 1)
    }

    @Test func nothingIsSaidOfAMinimumTheMirrorHasNotSeen() throws {
        var state = redemptionState(payoutReady: true, cash: 1)
        _ = Update.update(&state, .key(.char("a")))
        #expect(try #require(state.dialog?.actions.first).predicted.isEmpty)
        #expect(!dialogText(state).contains("⚠"))
    }

    @Test func aRedemptionNotWaitingForApprovalIsRefusedAsSuch() {
        var state = redemptionState(status: .reserved, payoutReady: true)
        _ = Update.update(&state, .key(.char("a")))
        let text = dialogText(state)
        #expect(text.contains("status reserved: only a pending_approval or escalated redemption can be approved"))
        #expect(text.contains("⚠ The platform will refuse (review_already_decided): the redemption is reserved."))
        _ = Update.update(&state, .key(.escape))
        _ = Update.update(&state, .key(.char("e")))
        for character in "x" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.enter))
        #expect(dialogText(state).contains("status reserved → escalated"))
    }

    @Test func aBulkDialogMarksEachPredictedRefusalAndCountsThem() {
        var state = Fixtures.state()
        state.pane = .redemptions
        var rows: [RedemptionRow] = []
        for index in 1...3 {
            let redemption = Redemption(id: "red_10\(index)", version: 1, createdAt: Fixtures.ago(Double(60 * index)),
                                        updatedAt: Fixtures.ago(60), memberId: "mem_00\(index)", points: 500,
                                        cashValueMinor: 500, currency: "EUR", status: .pendingApproval, payoutAttempts: 0)
            rows.append(RedemptionRow(redemption: redemption, memberName: nil,
                                      member: MemberStanding(pointsAvailable: 1, payoutReady: index == 1)))
        }
        state.redemptions.list.apply(Fixtures.rows(rows, key: \.redemption.id), select: .index(0), atStart: true)
        for _ in 0..<3 { _ = Update.update(&state, .key(.char(" "))) }
        _ = Update.update(&state, .key(.char("e")))
        for character in "x" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.enter))
        #expect(dialogText(state).contains("Escalate redemption red_101"), "the marks take the verb chosen")
        _ = Update.update(&state, .key(.escape))
        _ = Update.update(&state, .key(.char("a")))
        let text = dialogText(state)
        #expect(text.contains("Approve redemption red_101 Approve redemption red_102 ⚠ missing_payout_reference"))
        #expect(text.contains("Approve redemption red_103 ⚠ missing_payout_reference"))
        #expect(text.contains("⚠ 2 of 3 will be refused as the mirror stands: missing_payout_reference ×2"))
    }
}
