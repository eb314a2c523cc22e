import RewardsContract
import SyncEngine

/// A decision the operator is about to take on one object, with what the dialog says about it.
public struct PendingAction: Sendable, Hashable {
    public var subject: ActionSubject
    public var objectId: String
    public var verb: ActionVerb
    public var expectedVersion: Int
    public var note: String?
    /// Lines that say what will happen, shown in the dialog.
    public var summary: [String]
    /// Refusals the platform will give as the mirror stands, said before confirming.
    public var predicted: [PredictedRefusal] = []
    /// What the lines were worked out from, so a marked row can be described for either verb.
    var facts: DecisionFacts?

    public init(subject: ActionSubject, objectId: String, verb: ActionVerb, expectedVersion: Int, note: String? = nil,
                summary: [String]) {
        self.subject = subject; self.objectId = objectId; self.verb = verb
        self.expectedVersion = expectedVersion; self.note = note; self.summary = summary
    }

    init(subject: ActionSubject, objectId: String, verb: ActionVerb, expectedVersion: Int, summary: [String],
         predicted: [PredictedRefusal], facts: DecisionFacts) {
        self.init(subject: subject, objectId: objectId, verb: verb, expectedVersion: expectedVersion, summary: summary)
        self.predicted = predicted
        self.facts = facts
    }

    /// The same item under another verb: its lines and refusals worked out again.
    func taking(_ verb: ActionVerb) -> PendingAction {
        guard let facts else {
            var action = self
            action.verb = verb
            return action
        }
        var action = DecisionOutcome.action(facts, verb)
        action.expectedVersion = expectedVersion
        return action
    }

    /// What goes to the outbox: the decision, without what the dialog said about it.
    var decisionOnly: PendingAction {
        PendingAction(subject: subject, objectId: objectId, verb: verb, expectedVersion: expectedVersion, note: note,
                      summary: summary)
    }
}

public enum DialogButton: Sendable, Hashable {
    case cancel
    case confirm
}

/// The approve/escalate dialog, over the panes. Cancel is the focused button by default, so
/// a stray Enter never takes a decision; on a LIVE platform the operator must type the
/// item's short id (or, for marked rows, their count) before anything is sent.
public struct DecisionDialog: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        case note
        case confirm
    }

    public var verb: ActionVerb
    /// One action, or one per marked row.
    public var actions: [PendingAction]
    public var step: Step
    public var note = ""
    public var noteError: String?
    /// An escalation needs its note; an approval may carry one (`A`).
    public var noteRequired: Bool
    public var focus: DialogButton = .cancel
    /// What must be typed to confirm (LIVE only); nil: `y` confirms.
    public var typedConfirmation: String?
    public var typed = ""
    public var typedError: String?

    /// `askNote`: start on the note step (always for an escalation).
    public init(verb: ActionVerb, actions: [PendingAction], live: Bool, askNote: Bool = false) {
        self.verb = verb
        self.actions = actions
        noteRequired = verb == .escalate
        self.step = verb == .escalate || askNote ? .note : .confirm
        if live {
            typedConfirmation = actions.count == 1 ? DecisionRules.liveConfirmation(for: actions[0].objectId)
                : String(actions.count)
        }
    }

    public var isBulk: Bool { actions.count > 1 }
}

/// A one-line text input at the bottom (the members filter).
public struct InputLine: Sendable, Hashable {
    public var prompt: String
    public var text: String
    /// What Tab found for `text` when it could not complete it: listed while the line is open.
    public var choices: [String] = []
}

extension String {
    /// The last six characters of an id: enough to tell items apart when typing it back.
    public var shortId: String { String(suffix(6)) }
}
