import Foundation
import Mirror

/// A refused decision whose `✗` stays on its row with the reason (and, after a lost race, who
/// won and what they did) until the operator has seen the row and moved on, or dismissed it.
/// Without it the label would vanish as soon as the winner's version reached the mirror.
struct HeldRefusal: Sendable, Hashable {
    var code: String
    var text: String
    /// The row has been selected since the refusal arrived: leaving it lets the label go.
    var seen: Bool
}

extension Update {
    static func holdRefusal(_ state: inout AppState, _ entry: OutboxEntry) {
        let code = entry.errorCode ?? "failed"
        let text = "\(entry.verb.rawValue) \(entry.objectId) failed: \(code) — \(entry.errorMessage ?? "")"
        state.heldRefusals[entry.objectId] = HeldRefusal(code: code, text: text, seen: selectedRowId(state) == entry.objectId)
    }

    static func conflictExplained(_ state: inout AppState, objectId: String, text: String) -> [Command] {
        state.flash = Flash(text: text, level: .warning, at: state.now)
        state.heldRefusals[objectId]?.text = text
        state.needsRefresh = true
        return []
    }

    /// After a key: a row with a held refusal that is selected counts as seen; one seen and no
    /// longer selected lets its label go. An open view keeps them all (the row is not shown).
    static func releaseHeldRefusals(_ state: inout AppState) {
        guard !state.heldRefusals.isEmpty, state.detail == nil else { return }
        let selected = selectedRowId(state)
        for (id, held) in state.heldRefusals {
            if id == selected {
                state.heldRefusals[id]?.seen = true
            } else if held.seen {
                state.heldRefusals[id] = nil
            }
        }
    }

    static func selectedRowId(_ state: AppState) -> String? {
        state.detail == nil ? state.panes[state.pane].selectedRowId : nil
    }
}
