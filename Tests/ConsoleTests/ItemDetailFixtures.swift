import Foundation
import Mirror
import RewardsContract
@testable import Console

/// Reviews and redemptions in full, as their detail views read them from the mirror, with the
/// hostile text a server may send.
enum ItemDetailFixtures {
    static let escape = "\u{1b}[2J\u{1b}]52;c;aGk=\u{07}"
    /// Escapes, an RTL override and Arabic, emoji, and enough words for 2,000 characters.
    static let hostileNote: String = {
        var note = "Escalated to finance \(escape)amount above the desk limit. \u{202e}evil\u{202c} مرحبا بالعالم 👩‍👩‍👧 🇩🇪 "
        var index = 0
        while note.count < 2000 {
            note += "word\(index) "
            index += 1
        }
        return String(note.prefix(2000))
    }()

    static let member = Member(id: "mem_002", version: 4, createdAt: Fixtures.ago(86_400), updatedAt: Fixtures.ago(60),
                               clubId: "club_nordlicht", externalRef: "ext-2", name: "鈴木 一郎", email: "suzuki@example.org",
                               status: .active, pointsAvailable: 981, pointsPending: 0, pointsLifetime: 5_000,
                               payoutReady: false, currency: "EUR")

    static func reversal(note: String? = hostileNote, status: ReviewStatus = .escalated, level: Int = 1) -> Review {
        Review(id: "rev_010", version: 5, createdAt: Fixtures.ago(7_200), updatedAt: Fixtures.ago(120), kind: .reversal,
               reasonCode: "manual_review_required", memberId: "mem_002", subjectRef: "tx_9001", pointsRequested: 3_602,
               pointsAvailable: 981, amountMinor: 3_602, currency: "EUR", status: status, escalationLevel: level,
               note: note, lastActionBy: "mr_test_winnerwinnerwinnerwin", lastActionAt: Fixtures.ago(120))
    }

    static let earn = LedgerEntry(id: "led_77", memberId: "mem_002", kind: .earn, points: 3_602,
                                  externalTransactionId: "tx_9001", createdAt: Fixtures.ago(86_000))

    static func reviewDetail(note: String? = hostileNote) -> ReviewDetail {
        ReviewDetail(review: reversal(note: note), member: member, earn: earn, ledgerHeld: true,
                     history: [
                        ItemHistoryEntry(itemId: "rev_010", version: 5, updatedAt: Fixtures.ago(120), status: "escalated",
                                         escalationLevel: 1, note: note, lastActionBy: "mr_test_winnerwinnerwinnerwin",
                                         lastActionAt: Fixtures.ago(120)),
                        ItemHistoryEntry(itemId: "rev_010", version: 2, updatedAt: Fixtures.ago(7_200), status: "open",
                                         escalationLevel: 0),
                     ],
                     decisions: [
                        AuditEntry(seq: 3, at: Fixtures.now.addingTimeInterval(-100), profile: nil, keyId: Fixtures.me.keyId,
                                   subject: "review", objectId: "rev_010", verb: "approve", note: nil, result: "failed",
                                   code: "version_conflict", requestId: "req_RACE0001", idempotencyKey: "k1"),
                     ])
    }

    static func payoutReview() -> ReviewDetail {
        let redemption = Redemption(id: "red_050", version: 7, createdAt: Fixtures.ago(9_000), updatedAt: Fixtures.ago(300),
                                    memberId: "mem_002", points: 2_000, cashValueMinor: 2_000, currency: "EUR",
                                    status: .payoutFailed, payoutAttempts: 3,
                                    lastError: RedemptionError(code: "payout_rejected",
                                                               message: "The bank rejected the transfer \(escape)(account closed)."))
        let review = Review(id: "rev_020", version: 1, createdAt: Fixtures.ago(300), updatedAt: Fixtures.ago(300),
                            kind: .payout, reasonCode: "repeated_payout_failure", memberId: "mem_002",
                            subjectRef: "red_050", pointsRequested: 2_000, pointsAvailable: 981, amountMinor: 2_000,
                            currency: "EUR", status: .open, escalationLevel: 0)
        return ReviewDetail(review: review, member: member, ledgerHeld: true, redemption: redemption)
    }

    static func redemptionDetail(minimum: Int? = nil, cash: Int = 2_000, status: RedemptionStatus = .pendingApproval)
        -> RedemptionDetail {
        let redemption = Redemption(id: "red_060", version: 2, createdAt: Fixtures.ago(600), updatedAt: Fixtures.ago(60),
                                    memberId: "mem_002", points: cash, cashValueMinor: cash, currency: "EUR", status: status,
                                    payoutAttempts: 1,
                                    lastError: RedemptionError(code: "payout_timeout", message: hostileNote),
                                    lastActionBy: nil, lastActionAt: nil)
        return RedemptionDetail(redemption: redemption, member: member, minimumMinor: minimum,
                                history: [ItemHistoryEntry(itemId: "red_060", version: 1, updatedAt: Fixtures.ago(600),
                                                           status: "pending_approval")])
    }

    /// A state with a review's view open and loaded.
    static func openReview(_ detail: ReviewDetail = reviewDetail(), columns: Int = 120, rows: Int = 24) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        var view = ReviewDetailState(reviewId: detail.review.id)
        view.ledger = .fetched
        _ = view.loaded(detail)
        state.detail = view
        return state
    }

    static func openRedemption(_ detail: RedemptionDetail = redemptionDetail(), columns: Int = 120, rows: Int = 24)
        -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.pane = .redemptions
        var view = RedemptionDetailState(redemptionId: detail.redemption.id)
        _ = view.loaded(detail)
        state.detail = view
        return state
    }
}

extension Command {
    static func loadReviewDetail(_ id: String) -> Command { .loadDetail(DetailQuery(ReviewDetailState.self, itemId: id)) }
    static func loadRedemptionDetail(_ id: String) -> Command {
        .loadDetail(DetailQuery(RedemptionDetailState.self, itemId: id))
    }
}

extension Message {
    static func reviewDetailLoaded(_ id: String, _ detail: ReviewDetail?) -> Message {
        .detailLoaded(DetailContent(ReviewDetailState.self, itemId: id, detail))
    }

    static func redemptionDetailLoaded(_ id: String, _ detail: RedemptionDetail?) -> Message {
        .detailLoaded(DetailContent(RedemptionDetailState.self, itemId: id, detail))
    }
}

/// Screen text as one line of words: box borders gone, every run of spaces and line breaks one
/// space, so a phrase reads the same wherever the screen's width wrapped it.
func flat(_ text: String) -> String {
    text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" })
        .joined(separator: " ")
}
