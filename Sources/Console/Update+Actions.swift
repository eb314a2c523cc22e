import Foundation
import Mirror
import RewardsContract
import Terminal

extension Update {
    /// Opens the dialog for an approve or escalate on the selected row.
    static func beginAction(_ state: inout AppState, _ verb: ActionVerb) -> [Command] {
        if state.pane == .reviews, let review = state.reviews.selectedRow?.review, review.status == .approved {
            state.flash = Flash(text: "\(review.id) is already approved", level: .warning, at: state.now)
            return []
        }
        guard let action = pendingAction(for: state, verb) else { return [] }
        if let entry = state.outbox[action.objectId], entry.isPending {
            state.flash = Flash(text: "\(action.objectId) already has a \(entry.verb.rawValue) on its way", level: .warning,
                                at: state.now)
            return []
        }
        if verb == .escalate {
            state.dialog = .note(action: action, text: "", error: nil)
        } else {
            state.dialog = .confirm(action: action, focus: .cancel)
        }
        return []
    }

    static func pendingAction(for state: AppState, _ verb: ActionVerb) -> PendingAction? {
        switch state.pane {
        case .reviews:
            guard let row = state.reviews.selectedRow else { return nil }
            let review = row.review
            let who = row.memberName.map { Inert.text($0) } ?? review.memberId
            return PendingAction(subject: .review, objectId: review.id, verb: verb, expectedVersion: review.version,
                                 summary: [
                                    "\(verb == .approve ? "Approve" : "Escalate") review \(review.id)",
                                    "\(review.kind.rawValue) · \(review.reasonCode) · member \(who)",
                                    "requested \(Format.points(review.pointsRequested)) pts, available \(Format.points(review.pointsAvailable)), shortfall \(Format.points(review.shortfall))",
                                    verb == .approve ? "The platform will apply it; the queue row turns approved."
                                        : "Escalation level \(review.escalationLevel) → \(review.escalationLevel + 1).",
                                 ])
        case .redemptions:
            guard let row = state.redemptions.selectedRow else { return nil }
            let redemption = row.redemption
            let who = row.memberName.map { Inert.text($0) } ?? redemption.memberId
            return PendingAction(subject: .redemption, objectId: redemption.id, verb: verb,
                                 expectedVersion: redemption.version,
                                 summary: [
                                    "\(verb == .approve ? "Approve" : "Escalate") redemption \(redemption.id)",
                                    "\(Format.points(redemption.points)) pts · \(Format.money(redemption.cashValueMinor, redemption.currency)) · member \(who)",
                                    "status \(redemption.status.rawValue)\(verb == .approve ? " → reserved" : " → escalated")",
                                 ])
        default:
            return nil
        }
    }

    static func handleDialogKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard let dialog = state.dialog else { return [] }
        switch dialog {
        case .confirm(let action, let focus):
            switch key {
            case .char("y"), .char("Y"):
                return confirm(&state, action)
            case .char("n"), .char("N"), .escape, .char("q"):
                state.dialog = nil
                state.flash = Flash(text: "Cancelled", level: .info, at: state.now)
                return []
            case .enter:
                if focus == .confirm { return confirm(&state, action) }
                state.dialog = nil
                state.flash = Flash(text: "Cancelled", level: .info, at: state.now)
                return []
            case .tab, .backTab, .left, .right, .char("h"), .char("l"):
                state.dialog = .confirm(action: action, focus: focus == .cancel ? .confirm : .cancel)
                return []
            default:
                return []
            }
        case .note(var action, var text, _):
            switch key {
            case .escape:
                state.dialog = nil
                state.flash = Flash(text: "Cancelled", level: .info, at: state.now)
                return []
            case .enter:
                let note = text.trimmingCharacters(in: .whitespaces)
                if note.isEmpty {
                    state.dialog = .note(action: action, text: text, error: "An escalation needs a note")
                    return []
                }
                action.note = note
                action.summary.append("Note: \(note)")
                state.dialog = .confirm(action: action, focus: .cancel)
                return []
            case .backspace:
                if !text.isEmpty { text.removeLast() }
            case .char(let character):
                if text.count < 2000 { text.append(character) }
            default:
                return []
            }
            state.dialog = .note(action: action, text: text, error: nil)
            return []
        }
    }

    static func confirm(_ state: inout AppState, _ action: PendingAction) -> [Command] {
        state.dialog = nil
        if state.isReadOnly {
            state.flash = Flash(text: "Read-only key: nothing was sent", level: .warning, at: state.now)
            return []
        }
        state.flash = Flash(text: "\(action.verb.rawValue) \(action.objectId): queued", level: .info, at: state.now)
        return [.enqueue(action)]
    }
}
