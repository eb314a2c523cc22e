import Mirror
import RewardsContract
import Terminal

/// One redemption, whole: its status and what it means, its payout attempts and last error
/// with what to do, its member, the payout reviews about it, the last action, the versions the
/// mirror has seen and this console's decisions. `a` and `e` decide it from here; `m` opens
/// its member, Enter its newest payout review.
struct RedemptionDetailState: Sendable, Hashable {
    var redemptionId: String
    var detail: RedemptionDetail?
    var missing = false
    var scroll = 0
    var columns = 80
    var height = 20

    init(redemptionId: String) { self.redemptionId = redemptionId }
}

extension RedemptionDetailState: ItemDetail, ScrollingSheet {
    var itemId: String { redemptionId }
    var keyPane: PaneID? { .redemptions }
    var linkedMemberId: String? { detail?.redemption.memberId }

    static func load(_ mirror: MirrorStore, itemId: String) throws -> RedemptionDetail? {
        try mirror.redemptionDetail(id: itemId)
    }

    mutating func loaded(_ content: RedemptionDetail?) -> [Command] {
        detail = content
        missing = content == nil
        return []
    }

    func decision(_ verb: ActionVerb) -> PendingAction? {
        detail.map { DecisionOutcome.action(.redemption(RedemptionFacts($0)), verb) }
    }

    var decisionRefusal: String? { detail == nil ? "\(redemptionId) is not loaded yet" : nil }

    mutating func handle(_ key: Key) -> DetailKeyOutcome {
        if let outcome = DetailKeys.common(key, scroll: &scroll, maxScroll: maxScroll) { return outcome }
        switch key {
        case .enter:
            guard let review = detail?.reviews.first else { return .handled([]) }
            return .open(.review(review.id))
        default:
            return .pass
        }
    }

    var lineCount: Int { detail.map { RedemptionDetailView.lines($0, columns: columns).count } ?? 0 }

    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        RedemptionDetailView.render(self, state: state, into: &buffer, y: y, height: height)
    }
}
