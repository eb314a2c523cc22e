import Foundation
import Mirror
import RewardsContract
import Terminal

extension Update {
    /// Opens the dialog for an approve or escalate: on the item of the open detail view, else
    /// on the marked rows if there are any, otherwise on the selected row. `askNote`: an
    /// approval that carries a note (`A`).
    static func beginAction(_ state: inout AppState, _ verb: ActionVerb, askNote: Bool = false) -> [Command] {
        let marked = Array((state.marks[state.pane] ?? [:]).values).sorted { $0.objectId < $1.objectId }
        var actions: [PendingAction]
        if let detail = state.detail {
            if let refusal = detail.decisionRefusal {
                state.flash = Flash(text: refusal, level: .warning, at: state.now)
                return []
            }
            guard let action = detail.decision(verb) else { return [] }
            actions = [action]
        } else if !marked.isEmpty {
            actions = marked.map { $0.taking(verb) }
        } else {
            if let refusal = state.panes[state.pane].selectedRefusal {
                state.flash = Flash(text: refusal, level: .warning, at: state.now)
                return []
            }
            guard let action = pendingAction(for: state, verb) else { return [] }
            actions = [action]
        }
        let busy = actions.filter { (state.outbox[$0.objectId]?.isPending ?? false) || state.queuing.contains($0.objectId) }
        if let first = busy.first, busy.count == actions.count {
            state.flash = Flash(text: "\(first.objectId) already has a \(state.outbox[first.objectId]?.verb.rawValue ?? "decision") on its way",
                                level: .warning, at: state.now)
            return []
        }
        actions.removeAll { action in busy.contains { $0.objectId == action.objectId } }
        state.dialog = DecisionDialog(verb: verb, actions: actions, live: state.decidesOnLive, askNote: askNote)
        return []
    }

    /// The decision the selected row stands for, on panes whose rows are decided.
    static func pendingAction(for state: AppState, _ verb: ActionVerb) -> PendingAction? {
        state.panes[state.pane].selectedDecision(verb)
    }

    // MARK: Marks

    /// Space: marks or unmarks the selected row (keeping the version seen now) and moves on.
    static func toggleMark(_ state: inout AppState) -> [Command] {
        guard let action = pendingAction(for: state, .approve) else { return [] }
        var marks = state.marks[state.pane] ?? [:]
        if marks.removeValue(forKey: action.objectId) == nil {
            if let refusal = state.panes[state.pane].selectedRefusal {
                state.flash = Flash(text: refusal, level: .warning, at: state.now)
                return []
            }
            marks[action.objectId] = action
        }
        state.marks[state.pane] = marks
        state.flash = Flash(text: marks.isEmpty ? "No rows marked" : "\(marks.count) marked: a approves, e escalates them all",
                            level: .info, at: state.now)
        return move(&state, by: 1)
    }

    // MARK: The row's id

    /// `y`: the selected row's id (or the open detail's item) to the clipboard.
    static func copySelectedId(_ state: inout AppState) -> [Command] {
        guard let id = state.detail?.itemId ?? state.panes[state.pane].copyText else { return [] }
        state.flash = Flash(text: "Copied \(id)", level: .success, at: state.now)
        return [.copyToClipboard(id)]
    }

    // MARK: The dialog

    static func handleDialogKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var dialog = state.dialog else { return [] }
        if key == .escape {
            return cancel(&state)
        }
        switch dialog.step {
        case .note:
            switch key {
            case .enter:
                let note = dialog.note.trimmingCharacters(in: .whitespaces)
                if note.isEmpty && dialog.noteRequired {
                    dialog.noteError = "An escalation needs a note"
                } else {
                    dialog.note = note
                    dialog.step = .confirm
                    dialog.noteError = nil
                }
            case .backspace:
                if !dialog.note.isEmpty { dialog.note.removeLast() }
            case .char(let character):
                if dialog.note.count < 2000 { dialog.note.append(character) }
            default:
                return []
            }
            state.dialog = dialog
            return []
        case .confirm:
            if let required = dialog.typedConfirmation {
                switch key {
                case .enter:
                    if dialog.typed == required { return confirm(&state, dialog) }
                    dialog.typedError = "Type \(required) to confirm, or Esc to cancel"
                case .backspace:
                    if !dialog.typed.isEmpty { dialog.typed.removeLast() }
                case .char(let character):
                    if dialog.typed.count < 40 { dialog.typed.append(character) }
                default:
                    return []
                }
                state.dialog = dialog
                return []
            }
            switch key {
            case .char("y"), .char("Y"):
                return confirm(&state, dialog)
            case .char("n"), .char("N"), .char("q"):
                return cancel(&state)
            case .enter:
                return dialog.focus == .confirm ? confirm(&state, dialog) : cancel(&state)
            case .tab, .backTab, .left, .right, .char("h"), .char("l"):
                dialog.focus = dialog.focus == .cancel ? .confirm : .cancel
                state.dialog = dialog
                return []
            default:
                return []
            }
        }
    }

    static func cancel(_ state: inout AppState) -> [Command] {
        state.dialog = nil
        state.flash = Flash(text: "Cancelled: nothing was sent", level: .info, at: state.now)
        return []
    }

    static func confirm(_ state: inout AppState, _ dialog: DecisionDialog) -> [Command] {
        state.dialog = nil
        if state.isReadOnly {
            state.flash = Flash(text: "Read-only key: nothing was sent", level: .warning, at: state.now)
            return []
        }
        if state.detail == nil { state.marks[state.pane] = nil }
        state.queuing.formUnion(dialog.actions.map(\.objectId))
        for action in dialog.actions { state.heldRefusals[action.objectId] = nil }
        // An approval's note is optional: none typed, none sent (the platform keeps the old one).
        let note = dialog.note.isEmpty ? nil : dialog.note
        let noun = dialog.isBulk ? "\(dialog.actions.count) decisions" : dialog.actions.first?.objectId ?? ""
        state.flash = Flash(text: "\(dialog.verb.rawValue) \(noun): queued, sent in \(Int(state.undoSeconds)) s — u to undo",
                            level: .info, at: state.now)
        if dialog.isBulk { state.bulk = BulkTally(verb: dialog.verb, objectIds: dialog.actions.map(\.objectId)) }
        return dialog.actions.map { action in
            var action = action.decisionOnly
            action.verb = dialog.verb
            action.note = note
            return .enqueue(action, delaySeconds: state.undoSeconds)
        }
    }

    // MARK: Undo

    static func actionQueued(_ state: inout AppState, _ entry: OutboxEntry) -> [Command] {
        state.outbox[entry.objectId] = entry
        state.needsRefresh = true
        state.queuing.remove(entry.objectId)
        state.bulk?.queued(entry)
        state.undoable.removeAll { $0.sendAfter <= state.now }
        if state.undoOnArrival {
            if state.queuing.isEmpty { state.undoOnArrival = false }
            return [.cancelQueued([entry.seq])] + quitOnceWritten(&state)
        }
        if entry.sendAfter > state.now { state.undoable.append(entry) }
        return quitOnceWritten(&state)
    }

    /// `u`: withdraws the decisions still waiting out their undo window.
    static func undo(_ state: inout AppState) -> [Command] {
        let waiting = state.undoable.filter { $0.sendAfter > state.now }
        state.undoable = []
        if !state.queuing.isEmpty {
            // Confirmed a moment ago and still being written: withdrawn as soon as it is.
            state.undoOnArrival = true
            state.flash = Flash(text: "Undoing…", level: .info, at: state.now)
            return waiting.isEmpty ? [] : [.cancelQueued(waiting.map(\.seq))]
        }
        guard !waiting.isEmpty else {
            state.flash = Flash(text: "Nothing to undo: decisions are sent \(Int(state.undoSeconds)) s after you confirm",
                                level: .warning, at: state.now)
            return []
        }
        return [.cancelQueued(waiting.map(\.seq))]
    }

    static func undoFinished(_ state: inout AppState, withdrawn: [OutboxEntry], alreadySent: Int) -> [Command] {
        for entry in withdrawn where state.outbox[entry.objectId]?.seq == entry.seq {
            state.outbox[entry.objectId] = nil
        }
        for entry in withdrawn { bulkAnswered(&state, entry, result: .withdrawn) }
        state.needsRefresh = true
        if alreadySent > 0 {
            state.flash = Flash(text: "Undid \(withdrawn.count); \(alreadySent) already sent, too late to undo",
                                level: .warning, at: state.now)
        } else {
            let what = withdrawn.count == 1 ? "\(withdrawn[0].verb.rawValue) \(withdrawn[0].objectId)" : "\(withdrawn.count) decisions"
            state.flash = Flash(text: "Undone: \(what) withdrawn, nothing was sent", level: .success, at: state.now)
        }
        return []
    }
}
