import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// Where a fetch of a member's ledger (it is not in the feed) stands, for a view that needs it.
enum LedgerFetch: Sendable, Hashable {
    case idle
    case fetching
    case fetched
    case failed(String)
}

/// One review, whole: what it is about and what deciding it will do, its member, its note in
/// full, who decided and acted last, the versions the mirror has seen and this console's own
/// decisions on it. `a` and `e` decide it from here; `m` opens its member, Enter a payout
/// review's redemption.
struct ReviewDetailState: Sendable, Hashable {
    var reviewId: String
    var detail: ReviewDetail?
    var missing = false
    var scroll = 0
    /// A reversal's earn comes from the member's ledger: fetched when the mirror lacks it.
    var ledger = LedgerFetch.idle
    /// The screen's size, for how far the text scrolls.
    var columns = 80
    var height = 20

    init(reviewId: String) { self.reviewId = reviewId }
}

extension ReviewDetailState: ItemDetail, ScrollingSheet {
    var itemId: String { reviewId }
    var keyPane: PaneID? { .reviews }
    var linkedMemberId: String? { detail?.review.memberId }

    static func load(_ mirror: MirrorStore, itemId: String) throws -> ReviewDetail? {
        try mirror.reviewDetail(id: itemId)
    }

    mutating func loaded(_ content: ReviewDetail?) -> [Command] {
        detail = content
        missing = content == nil
        guard let content, content.review.kind == .reversal, content.earn == nil, ledger == .idle else { return [] }
        ledger = .fetching
        return [.fetchLedger(memberId: content.review.memberId)]
    }

    mutating func ledgerFetched(memberId: String, error: String?) -> [Command] {
        guard memberId == detail?.review.memberId else { return [] }
        ledger = error.map(LedgerFetch.failed) ?? .fetched
        return error == nil ? [reload] : []
    }

    func decision(_ verb: ActionVerb) -> PendingAction? {
        detail.map { DecisionOutcome.action(.review(ReviewFacts($0)), verb) }
    }

    var decisionRefusal: String? {
        guard let detail else { return "\(reviewId) is not loaded yet" }
        return DecisionRules.closed(detail.review)
    }

    mutating func handle(_ key: Key) -> DetailKeyOutcome {
        if let outcome = DetailKeys.common(key, scroll: &scroll, maxScroll: maxScroll) { return outcome }
        switch key {
        case .enter:
            guard let review = detail?.review, review.kind == .payout else { return .handled([]) }
            return .open(.redemption(review.subjectRef))
        default:
            return .pass
        }
    }

    var lineCount: Int { detail.map { ReviewDetailView.lines($0, ledger: ledger, columns: columns).count } ?? 0 }

    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        ReviewDetailView.render(self, state: state, into: &buffer, y: y, height: height)
    }
}
