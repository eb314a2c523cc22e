import Foundation
import Mirror
import RewardsContract
import SyncEngine

/// What the sync engine's events change: freshness, identity, the visible rows, and the
/// outcome of decisions sent from the outbox.
extension Update {
    static func handleSync(_ state: inout AppState, _ event: SyncEvent) -> [Command] {
        switch event {
        case .identity(let me):
            state.identity = me
            return []
        case .status(let status):
            state.sync = status
            if case .live(let since) = status { state.lastSyncedAt = since }
            return []
        case .applied(let changes):
            let commands = refreshSoon(&state)
            // A notice must not hide the outcome of the operator's own action a moment ago.
            let recentOutcome = state.flash.map { $0.level != .info && state.now.timeIntervalSince($0.at) < 4 } ?? false
            if changes.newOpenReviews > 0 && !recentOutcome {
                let noun = changes.newOpenReviews == 1 ? "review" : "reviews"
                state.flash = Flash(text: "\(changes.newOpenReviews) new \(noun) in the queue", level: .info, at: state.now)
            }
            return commands
        case .bootstrapPage:
            return []
        case .progress(let progress):
            return loadingProgressed(&state, progress)
        case .bootstrapped:
            state.needsRefresh = true
            return PaneTable.ids.filter { $0 != state.pane }.flatMap { refresh(&state, $0) }
        case .outboxDelivered(let entry):
            state.outbox[entry.objectId] = entry
            state.undoable.removeAll { $0.seq == entry.seq }
            state.needsRefresh = true
            state.quitDialog?.answered(entry)
            if bulkAnswered(&state, entry, result: .applied) { return [] }
            let version = entry.resultVersion.map { " (version \($0))" } ?? ""
            state.flash = Flash(text: "\(pastTense(entry.verb)) \(entry.objectId)\(version)", level: .success, at: state.now)
            return []
        case .outboxFailed(let entry):
            state.outbox[entry.objectId] = entry
            state.undoable.removeAll { $0.seq == entry.seq }
            state.needsRefresh = true
            state.lastErrorCode = entry.errorCode
            state.quitDialog?.answered(entry)
            holdRefusal(&state, entry)
            let inBulk = bulkAnswered(&state, entry, result: .refused(code: entry.errorCode ?? "failed",
                                                                       message: entry.errorMessage ?? ""))
            if !inBulk {
                state.flash = Flash(text: "\(entry.verb.rawValue) \(entry.objectId) failed: \(entry.errorCode ?? "error") — \(entry.errorMessage ?? "")",
                                    level: .error, at: state.now)
            }
            // A lost race, on either kind of object and for either verb: say who won and what they did.
            if ["version_conflict", "review_already_decided"].contains(entry.errorCode ?? "") {
                return [.syncNow, .explainConflict(entry)]
            }
            return []
        case .error(let error):
            state.lastErrorCode = error.code
            return []
        }
    }

    /// The round trip of a sync the operator asked for goes on the message line; one the
    /// console asked for itself (after a refused decision) only refreshes.
    static func syncNowFinished(_ state: inout AppState, _ outcome: SyncNowOutcome) -> [Command] {
        state.needsRefresh = true
        guard state.syncNowRequestedAt != nil else { return [] }
        state.syncNowRequestedAt = nil
        state.flash = Flash(text: outcome.text, level: outcome.error == nil ? .success : .error, at: state.now)
        return []
    }

    static func pastTense(_ verb: ActionVerb) -> String {
        switch verb {
        case .approve: return "Approved"
        case .escalate: return "Escalated"
        default: return verb.rawValue
        }
    }
}
