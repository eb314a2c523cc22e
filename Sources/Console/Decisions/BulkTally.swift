import Foundation
import Mirror
import RewardsContract
import Terminal

/// The answers to one bulk decision as they come in; once every item has one, a summary that
/// stays until dismissed ("9 decided: 7 approved, 2 refused — missing_payout_reference ×2"),
/// listing each refusal with the platform's message.
struct BulkTally: Sendable, Hashable {
    enum Result: Sendable, Hashable {
        case applied
        case refused(code: String, message: String)
        case withdrawn
    }

    var verb: ActionVerb
    var objectIds: [String]
    /// The outbox entries written for it.
    var seqs: [Int64: String] = [:]
    var results: [String: Result] = [:]

    init(verb: ActionVerb, objectIds: [String]) {
        self.verb = verb
        self.objectIds = objectIds
    }

    mutating func queued(_ entry: OutboxEntry) {
        guard objectIds.contains(entry.objectId), results[entry.objectId] == nil else { return }
        seqs[entry.seq] = entry.objectId
    }

    /// Records an answer; false when the entry is not one of this decision's.
    mutating func answer(_ entry: OutboxEntry, _ result: Result) -> Bool {
        guard seqs[entry.seq] == entry.objectId else { return false }
        results[entry.objectId] = result
        return true
    }

    var isComplete: Bool { results.count == objectIds.count }

    var headline: String {
        var applied = 0, withdrawn = 0
        var codes: [String] = []
        for result in results.values {
            switch result {
            case .applied: applied += 1
            case .refused(let code, _): codes.append(code)
            case .withdrawn: withdrawn += 1
            }
        }
        let done = verb == .approve ? "approved" : "escalated"
        var text = "\(applied + codes.count) decided: \(applied) \(done)"
        if !codes.isEmpty { text += ", \(codes.count) refused — \(DecisionOutcome.tally(codes))" }
        if withdrawn > 0 { text += "; \(withdrawn) withdrawn before sending" }
        return text
    }

    var notice: Notice {
        var lines: [Notice.Line] = []
        for id in objectIds {
            if case .refused(let code, let message)? = results[id] {
                lines.append(Notice.Line(text: "✗ \(id) \(code): \(Inert.text(message))", role: .error))
            }
        }
        let verbTitle = verb == .approve ? "approve" : "escalate"
        return Notice(title: "Bulk \(verbTitle) of \(objectIds.count)", headline: headline, lines: lines,
                      level: lines.isEmpty ? .success : .warning)
    }
}

/// A notice over the bottom of the panes that stays until Esc dismisses it.
struct Notice: Sendable, Hashable {
    struct Line: Sendable, Hashable {
        var text: String
        var role: StyleRole
    }

    var title: String
    var headline: String
    var lines: [Line]
    var level: Flash.Level
}

extension Update {
    /// Takes an answer to a bulk decision; true when it was one (the summary then speaks for
    /// it rather than a flash per item).
    @discardableResult
    static func bulkAnswered(_ state: inout AppState, _ entry: OutboxEntry, result: BulkTally.Result) -> Bool {
        guard var bulk = state.bulk, bulk.answer(entry, result) else { return false }
        if bulk.isComplete {
            state.bulk = nil
            state.notice = bulk.notice
            state.flash = nil
        } else {
            state.bulk = bulk
            state.flash = Flash(text: "\(bulk.verb.rawValue) \(bulk.objectIds.count): \(bulk.results.count) answered…",
                                level: .info, at: state.now)
        }
        return true
    }
}
