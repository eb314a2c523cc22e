import Foundation
import Mirror
import RewardsContract
import Terminal

/// The parts a review's and a redemption's view share: the member, the last action, the
/// outcome a decision would have, the versions the mirror has seen and this console's own
/// decisions on the item.
extension DetailSheet {
    /// "2026-11-22 10:41:07Z", or the text as sent when it is not a time.
    static func when(_ timestamp: Timestamp?) -> String {
        guard let timestamp else { return "—" }
        guard let date = timestamp.date else { return Inert.text(timestamp.raw) }
        return when(date)
    }

    static func when(_ date: Date) -> String {
        RFC3339.format(date).replacingOccurrences(of: "T", with: " ")
    }

    mutating func member(_ member: Member?, id: String) {
        guard let member else {
            field("Member", "\(id) (not in the mirror: purged, or not synced yet)", .warn)
            return
        }
        var text = "\(member.name) (\(member.id)) · available \(Format.points(member.pointsAvailable)) · pending \(Format.points(member.pointsPending)) · lifetime \(Format.points(member.pointsLifetime))"
        text += member.payoutReady ? " · payout details on file" : " · no payout details"
        if member.status != .active { text += " · \(member.status.rawValue)" }
        field("Member", text + " — m opens the member")
    }

    /// Who took the last approve or escalate, and when (contract §5); a server that omits the
    /// fields is said to.
    mutating func lastAction(by: String?, at: Timestamp?) {
        switch (by, at) {
        case (nil, nil): field("Last action", "none reported (no action yet, or the platform does not say)", .textDim)
        case (let by, let at): field("Last action", "by \(by ?? "(not reported)") at \(Self.when(at))")
        }
    }

    /// What approving and escalating would do now, and the refusals the platform would give.
    mutating func outcome(_ facts: DecisionFacts, decidable: Bool) {
        guard decidable else { return }
        for verb in [ActionVerb.approve, .escalate] {
            let action = DecisionOutcome.action(facts, verb)
            let said = action.summary.dropFirst(facts.isReview ? 3 : 2)
            let label = verb == .approve ? "If approved" : "If escalated"
            field(label, said.joined(separator: " ").replacingOccurrences(of: "Outcome: ", with: ""))
            for refusal in action.predicted { field("", "⚠ " + refusal.text, .warn) }
        }
    }

    mutating func history(_ entries: [ItemHistoryEntry]) {
        heading("Versions this mirror has seen (newest first)")
        guard !entries.isEmpty else {
            paragraph("Only the version above: no change has reached the mirror since it was first read.", .textDim)
            return
        }
        for entry in entries {
            var parts = [Self.when(entry.updatedAt), Inert.text(entry.status)]
            if let level = entry.escalationLevel { parts.append("level \(level)") }
            parts.append("by " + (entry.lastActionBy.map { Inert.text($0) } ?? "—"))
            if let note = entry.note, !note.isEmpty {
                parts.append("note: " + TextWidth.truncate(Inert.text(note), toColumns: 160))
            }
            field("v\(entry.version)", parts.joined(separator: " · "))
        }
    }

    mutating func decisions(_ entries: [AuditEntry]) {
        heading("This console's decisions on it (newest first)")
        guard !entries.isEmpty else {
            paragraph("None from this mirror.", .textDim)
            return
        }
        for entry in entries {
            var parts = [entry.verb, entry.result]
            if let code = entry.code { parts.append(code) }
            if let request = entry.requestId { parts.append(request) }
            parts.append("key \(entry.keyId)" + (entry.profile.map { " (profile \($0))" } ?? ""))
            if let note = entry.note, !note.isEmpty { parts.append("note: " + note) }
            let role: StyleRole = entry.result == "failed" ? .error : entry.result == "delivered" ? .ok : .text
            field(entry.verb, ([Self.when(entry.at)] + parts.dropFirst()).joined(separator: " · "), role)
        }
    }
}

extension DecisionFacts {
    var isReview: Bool {
        if case .review = self { return true }
        return false
    }
}
