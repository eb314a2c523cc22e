import Foundation
import Terminal

/// Quitting without losing a decision: `q` asks when decisions are not sent yet, Ctrl-C and a
/// hangup end at once but never before a confirmed decision is in the outbox.
extension Update {
    /// Decisions confirmed here and not yet answered that the state knows of: being written,
    /// in their undo window, queued or sending.
    static func unsentOnScreen(_ state: AppState) -> Int {
        var ids = state.queuing
        // Past its window an entry is answered or still pending in `outbox`, which says which.
        ids.formUnion(state.undoable.filter { $0.sendAfter > state.now }.map(\.objectId))
        ids.formUnion(state.outbox.values.filter(\.isPending).map(\.objectId))
        return ids.count
    }

    /// The same, with the mirror's last count (which covers rows not on screen, but may be a
    /// moment old).
    static func unsentCount(_ state: AppState) -> Int {
        max(unsentOnScreen(state), state.counts.outboxPending)
    }

    /// `q`: ends the console, unless decisions are not sent yet: then it asks, and counts the
    /// outbox afresh (a count a moment old may hold a decision answered since).
    static func quit(_ state: inout AppState) -> [Command] {
        let unsent = unsentCount(state)
        guard unsent > 0 else { return end(&state) }
        let waiting = state.undoable.filter { $0.sendAfter > state.now }.count + state.queuing.count
        state.quitDialog = QuitDialog(unsent: unsent, inUndoWindow: waiting)
        return [.checkOutbox]
    }

    static func handleQuitKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var dialog = state.quitDialog else { return [] }
        switch (dialog.phase, key) {
        case (.asking, .char("s")), (.asking, .char("y")), (.asking, .enter):
            // The undo windows end now: `u` can no longer take them back.
            state.undoable = []
            dialog.phase = .sending(since: state.now)
            dialog.lastCheck = state.now
            state.quitDialog = dialog
            return [.sendOutboxNow]
        case (_, .char("l")):
            let left = dialog.pending ?? dialog.unsent
            state.exitNote = leftQueuedNote(state, count: left)
            return end(&state)
        case (.asking, .escape), (.asking, .char("c")), (.asking, .char("n")), (.asking, .char("q")):
            state.quitDialog = nil
            state.flash = Flash(text: "Not quitting: \(QuitRules.decisions(dialog.unsent)) still on their way",
                                level: .info, at: state.now)
            return []
        case (.sending, .escape), (.sending, .char("c")):
            state.quitDialog = nil
            state.flash = Flash(text: "Not quitting: the decisions are being sent (their undo window is over)",
                                level: .info, at: state.now)
            return []
        default:
            return []
        }
    }

    /// The clock while quitting: the outbox counted every half second while sending (bounded
    /// by `QuitRules.sendWaitSeconds`), and the wait for an outbox write after Ctrl-C bounded.
    static func quitTick(_ state: inout AppState) -> [Command]? {
        if let since = state.quitAfterQueuing, state.now.timeIntervalSince(since) >= QuitRules.writeWaitSeconds {
            state.exitNote = "A confirmed decision was still being written to the outbox after \(Int(QuitRules.writeWaitSeconds)) s: check `rewards-ops audit`."
            return end(&state)
        }
        guard var dialog = state.quitDialog, case .sending(let since) = dialog.phase else { return nil }
        if state.now.timeIntervalSince(since) >= QuitRules.sendWaitSeconds {
            let left = dialog.pending ?? dialog.unsent
            state.exitNote = "No answer within \(Int(QuitRules.sendWaitSeconds)) s. " + leftQueuedNote(state, count: left)
            return end(&state)
        }
        guard state.now.timeIntervalSince(dialog.lastCheck ?? .distantPast) >= QuitRules.checkInterval else { return [] }
        dialog.lastCheck = state.now
        state.quitDialog = dialog
        return [.checkOutbox]
    }

    /// This key's unsent count: zero ends the console (asking: nothing was unsent after all).
    static func outboxChecked(_ state: inout AppState, pending: Int) -> [Command] {
        guard var dialog = state.quitDialog else { return [] }
        dialog.pending = pending
        if case .asking = dialog.phase {
            let unsent = max(pending, unsentOnScreen(state))
            guard unsent > 0 else { return end(&state) }
            dialog.unsent = unsent
            state.quitDialog = dialog
            return []
        }
        state.quitDialog = dialog
        guard pending == 0, state.queuing.isEmpty else { return [] }
        var note = "Sent \(QuitRules.decisions(dialog.unsent)) before quitting"
        note += dialog.refusals.isEmpty ? "." : "; refused: \(dialog.refusals.joined(separator: ", ")) (see `rewards-ops audit`)."
        state.exitNote = note
        return end(&state)
    }

    /// Ctrl-C or a hangup: the console ends now, from any dialog. A decision confirmed a moment
    /// ago whose outbox row is still being written is waited for (briefly, bounded), so that
    /// nothing confirmed is lost; what is in the outbox stays there for the next run.
    static func interrupt(_ state: inout AppState) -> [Command] {
        state.dialog = nil
        state.quitDialog = nil
        if !state.queuing.isEmpty {
            if state.quitAfterQueuing == nil { state.quitAfterQueuing = state.now }
            state.flash = Flash(text: "Writing \(QuitRules.decisions(state.queuing.count)) to the outbox before quitting…",
                                level: .info, at: state.now)
            return []
        }
        let unsent = unsentCount(state)
        if unsent > 0 { state.exitNote = leftQueuedNote(state, count: unsent) }
        return end(&state)
    }

    /// The outbox write that Ctrl-C was waiting for has landed.
    static func quitOnceWritten(_ state: inout AppState) -> [Command] {
        guard state.quitAfterQueuing != nil, state.queuing.isEmpty else { return [] }
        state.exitNote = leftQueuedNote(state, count: max(1, unsentCount(state)))
        return end(&state)
    }

    static func end(_ state: inout AppState) -> [Command] {
        state.quitDialog = nil
        state.quitAfterQueuing = nil
        state.quitRequested = true
        return [.quit]
    }

    /// Where decisions left queued go, said plainly.
    static func leftQueuedNote(_ state: AppState, count: Int) -> String {
        let what = QuitRules.decisions(count)
        guard state.outboxOutlivesSession else {
            return "\(what) not sent yet: the demo sends them before its sandbox stops."
        }
        let whose = state.profileName.map { "profile \($0)" } ?? "this connection (the same REWARDS_OPS_* settings)"
        return "\(what) left queued in the outbox: sent the next time `rewards-ops console` or `rewards-ops sync` runs with \(whose)."
    }
}
