import Foundation
import Mirror
import RewardsContract
import Terminal

extension Update {
    /// How many ledger entries the detail view reads; fewer means the whole ledger is known.
    static let ledgerLimit = 200

    /// Enter: the member of the selected row (a member, or a review's or redemption's member).
    static func openMemberDetail(_ state: inout AppState) -> [Command] {
        let memberId: String?
        switch state.pane {
        case .members: memberId = state.members.selectedRow?.id
        case .reviews: memberId = state.reviews.selectedRow?.review.memberId
        case .redemptions: memberId = state.redemptions.selectedRow?.redemption.memberId
        case .errors: memberId = nil
        }
        guard let memberId else { return [] }
        state.memberDetail = MemberDetailState(memberId: memberId)
        return [.loadMemberDetail(memberId: memberId), .fetchLedger(memberId: memberId)]
    }

    /// Keys while the detail view is open; nil lets the key fall through to the global ones
    /// (quit, help, pane switching).
    static func handleDetailKey(_ state: inout AppState, _ key: Key) -> [Command]? {
        guard var detail = state.memberDetail else { return nil }
        switch key {
        case .escape, .left, .char("h"), .backspace:
            state.memberDetail = nil
            return []
        case .char("j"), .down:
            detail.scroll += 1
        case .char("k"), .up:
            detail.scroll = max(0, detail.scroll - 1)
        case .ctrl("d"), .pageDown:
            detail.scroll += 10
        case .ctrl("u"), .pageUp:
            detail.scroll = max(0, detail.scroll - 10)
        case .char("g"), .home:
            detail.scroll = 0
        case .char("r"):
            detail.ledgerStatus = .fetching
            state.memberDetail = detail
            return [.fetchLedger(memberId: detail.memberId)]
        case .char("a"), .char("e"), .enter:
            return []  // decisions are taken on the queue rows, not here
        case .char("1"), .char("2"), .char("3"), .char("4"), .tab, .backTab:
            state.memberDetail = nil
            return nil
        default:
            return nil
        }
        let count = detail.detail?.ledger.count ?? 0
        detail.scroll = min(detail.scroll, max(0, count - 1))
        state.memberDetail = detail
        return []
    }

    static func detailLoaded(_ state: inout AppState, memberId: String, detail: MemberDetail?) -> [Command] {
        guard var current = state.memberDetail, current.memberId == memberId else { return [] }
        current.detail = detail
        current.missing = detail == nil
        if current.ledgerArrived {
            current.ledgerArrived = false
            current.ledgerStatus = .fetched
        }
        state.memberDetail = current
        return []
    }

    static func ledgerFetched(_ state: inout AppState, memberId: String, error: String?) -> [Command] {
        guard var current = state.memberDetail, current.memberId == memberId else { return [] }
        if let error {
            current.ledgerStatus = .failed(error)
            state.memberDetail = current
            return []
        }
        // Judge the ledger only once the fresh copy has been read back from the mirror.
        current.ledgerArrived = true
        state.memberDetail = current
        return [.loadMemberDetail(memberId: memberId)]
    }
}
