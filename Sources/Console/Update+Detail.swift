import Foundation
import Terminal

/// Views of one item over the panes: opening one from a row, from another view (a review's
/// member, a payout review's redemption) or from any text that names an id, and going back.
extension Update {
    /// How many views deep Esc can go back.
    static let detailTrailLimit = 8

    /// Enter: the view of the selected row (the review, the redemption, the member).
    static func openDetail(_ state: inout AppState) -> [Command] {
        guard let detail = state.panes[state.pane].selectedDetail else { return [] }
        state.detailTrail = []
        state.detail = detail
        return detail.opened()
    }

    /// `m`: the member of the selected row, or of the open view.
    static func openMember(_ state: inout AppState) -> [Command] {
        if let memberId = state.detail?.linkedMemberId {
            return open(&state, .member(memberId))
        }
        guard let memberId = state.panes[state.pane].selectedMemberId else { return [] }
        state.detailTrail = []
        let detail = MemberDetailState(memberId: memberId)
        state.detail = detail
        return detail.opened()
    }

    /// Opens the view of the item `objectId` names (a review, a redemption or a member) over
    /// whatever is shown; Esc comes back. For any view that shows an id (the Error log's
    /// failure detail links the object a call was about this way). Nil: the id names nothing
    /// the console has a view of.
    public static func openObject(_ state: inout AppState, objectId: String) -> [Command]? {
        guard let link = DetailLink(objectId: objectId) else { return nil }
        return open(&state, link)
    }

    static func open(_ state: inout AppState, _ link: DetailLink) -> [Command] {
        if let current = state.detail {
            if current.itemId == link.objectId { return [] }
            state.detailTrail.append(current)
            if state.detailTrail.count > detailTrailLimit { state.detailTrail.removeFirst() }
        }
        let view = link.view
        state.detail = view
        return view.opened()
    }

    /// Esc in a view: back to the one it was opened from, or to the pane.
    static func closeDetail(_ state: inout AppState) -> [Command] {
        guard let previous = state.detailTrail.popLast() else {
            state.detail = nil
            return []
        }
        state.detail = previous
        // The mirror may have changed while another view was on top.
        return [previous.reload]
    }
}
