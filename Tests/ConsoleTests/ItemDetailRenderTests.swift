import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// The review's and the redemption's views drawn into the in-memory screen: what they say, and
/// that hostile server text (escapes, RTL overrides, emoji, a 2,000-character note) neither
/// reaches the terminal as controls nor breaks the layout, and is all there when scrolled.
@Suite struct ItemDetailRenderTests {
    typealias F = ItemDetailFixtures

    /// Every line is exactly the screen's width and holds no control or bidi override.
    func expectInert(_ buffer: ScreenBuffer, columns: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in buffer.lines() {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) },
                    "a control in \(line)", sourceLocation: sourceLocation)
            #expect(!line.unicodeScalars.contains { (0x202a...0x202e).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                    "a bidi control in \(line)", sourceLocation: sourceLocation)
            #expect(TextWidth.columns(line) == columns, "width of \(line)", sourceLocation: sourceLocation)
        }
    }

    /// The view's text from the first line to the last, scrolling a page at a time.
    func wholeText(_ state: AppState) -> String {
        var state = state
        var seen: [String] = []
        for _ in 0..<60 {
            let lines = RootView.render(state).lines()
            seen += lines[2..<(state.rows - 3)]
            let before = state.detail.map { ($0 as? ReviewDetailState)?.scroll ?? ($0 as? RedemptionDetailState)?.scroll ?? 0 }
            _ = Update.update(&state, .key(.pageDown))
            let after = state.detail.map { ($0 as? ReviewDetailState)?.scroll ?? ($0 as? RedemptionDetailState)?.scroll ?? 0 }
            if before == after { break }
        }
        return flat(seen.joined(separator: "\n"))
    }

    @Test(arguments: [80, 120])
    func theReviewSaysWhatItIsAboutAndWhatDecidingDoes(columns: Int) {
        let state = F.openReview(F.reviewDetail(note: "Escalated to finance: amount above the desk limit."), columns: columns)
        let buffer = RootView.render(state)
        let lines = buffer.lines()
        #expect(lines[1].hasPrefix(columns >= 120 ? " Review rev_010 · escalated · reversal · level 1" : " Review rev_010 · escalated"))
        #expect(lines[1].hasSuffix("Esc back · a approve · e escalate · m member "))
        let text = wholeText(state)
        #expect(text.contains("Kind reversal — the club takes back the points"))
        #expect(text.contains("Reason manual_review_required — the member has spent"))
        #expect(text.contains("earn tx_9001: +3,602 points on 2026-11-21 08:47:47Z (led_77, from the member's ledger)"))
        #expect(text.contains("requested 3,602 · available 981 when the review opened · shortfall 2,621"))
        #expect(text.contains("鈴木 一郎 (mem_002) · available 981"))
        #expect(text.contains("no payout details"))
        #expect(text.contains("Escalation level 1 of 3"))
        #expect(text.contains("Note Escalated to finance: amount above the desk limit."))
        #expect(text.contains("Decided not yet"))
        #expect(text.contains("Last action by mr_test_winnerwinnerwinnerwin at 2026-11-22 08:39:07Z"))
        #expect(text.contains("If approved 3,602 points reversed, available 981 → -2,621"))
        #expect(text.contains("Versions this mirror has seen"))
        #expect(text.contains("v5 2026-11-22 08:39:07Z · escalated · level 1 · by mr_test_winnerwinnerwinnerwin"))
        #expect(text.contains("v2 2026-11-22 06:41:07Z · open · level 0 · by —"))
        #expect(text.contains("This console's decisions on it"))
        #expect(text.contains("approve 2026-11-22 08:39:27Z · failed · version_conflict · req_RACE0001"))
        expectInert(buffer, columns: columns)
    }

    @Test(arguments: [80, 120])
    func aHostileTwoThousandCharacterNoteIsInertWrappedAndWhole(columns: Int) {
        let state = F.openReview(F.reviewDetail(), columns: columns)
        expectInert(RootView.render(state), columns: columns)
        // The note's words, in order, made inert: escapes replaced, the override gone.
        let sheet = ReviewDetailView.lines(F.reviewDetail(), ledger: .fetched, columns: columns)
        let noteLines = sheet.drop { $0.label != "Note" }.prefix { $0.label == "Note" || ($0.label.isEmpty && $0.kind == .field) }
        #expect(noteLines.allSatisfy { TextWidth.columns($0.text) <= columns - DetailSheet.labelWidth - 2 })
        let shown = noteLines.map(\.text).joined(separator: " ")
        let expected = Inert.text(F.hostileNote).split(separator: " ").joined(separator: " ")
        #expect(shown == expected, "the note as shown differs from the note made inert")
        #expect(shown.contains("word150"), "the note is shown to its end")
        #expect(shown.contains("👩‍👩‍👧") && shown.contains("مرحبا"))
        #expect(!shown.contains("\u{202e}"))
        // Scrolling draws only inert, full-width lines too.
        var scrolled = state
        for _ in 0..<5 { _ = Update.update(&scrolled, .key(.pageDown)) }
        expectInert(RootView.render(scrolled), columns: columns)
        #expect(RootView.render(scrolled).lines()[21].contains("lines "), "where the scroll stands is said")
    }

    @Test func aPayoutReviewShowsItsRedemptionAttemptsAndLastErrorWithGuidance() {
        let state = F.openReview(F.payoutReview())
        let text = wholeText(state)
        #expect(RootView.render(state).lines()[1].contains("Enter redemption"))
        #expect(text.contains("Reason repeated_payout_failure — the payout of the redemption failed three times"))
        #expect(text.contains("Subject redemption red_050 · payout_failed · 2,000 pts · 20.00 EUR · Enter opens it"))
        #expect(text.contains("Payout 3 attempts"))
        #expect(text.contains("Last error payout_rejected: The bank rejected the transfer ��(account closed)."))
        #expect(text.contains("payout details must be corrected before another attempt"))
        #expect(text.contains("If approved red_050 back to reserved (now payout_failed), for another payout attempt."))
        expectInert(RootView.render(state), columns: 120)
    }

    @Test func anUnknownReasonCodeIsShownAsSentWithoutInventedMeaning() {
        var detail = F.reviewDetail(note: nil)
        detail.review.reasonCode = "fraud_suspected\u{1b}[31m"
        let text = wholeText(F.openReview(detail))
        #expect(text.contains("Reason fraud_suspected� — No guidance for this value"))
        #expect(text.contains("Note none"))
    }

    @Test func theRedemptionSaysItsStatusPayoutMemberAndThePredictedRefusals() {
        let state = F.openRedemption(F.redemptionDetail(minimum: 5_000))
        let buffer = RootView.render(state)
        #expect(buffer.lines()[1].hasPrefix(" Redemption red_060 · pending_approval"))
        let text = wholeText(state)
        #expect(text.contains("Status pending_approval — above the club's approval threshold"))
        #expect(text.contains("Amount 2,000 points · 20.00 EUR"))
        #expect(text.contains("Minimum 50.00 EUR (the platform minimum, as a refusal stated it)"))
        #expect(text.contains("Payout 1 attempt"))
        #expect(text.contains("Last error payout_timeout: Escalated to finance ��amount above"))
        #expect(text.contains("If approved status pending_approval → reserved"))
        #expect(text.contains("⚠ The member has no payout details: the platform will refuse (missing_payout_reference)."))
        #expect(text.contains("⚠ 20.00 EUR is under the platform minimum of 50.00 EUR"))
        #expect(text.contains("If escalated status pending_approval → escalated"))
        #expect(text.contains("Reviews none about this redemption"))
        #expect(text.contains("Last action none reported"))
        expectInert(buffer, columns: 120)
    }

    @Test func aMissingItemSaysSo() {
        var state = Fixtures.state()
        var view = ReviewDetailState(reviewId: "rev_gone")
        _ = view.loaded(nil)
        state.detail = view
        #expect(RootView.render(state).lines()[2].contains("Review rev_gone is not in the mirror (purged, or not synced yet)."))
    }
}
