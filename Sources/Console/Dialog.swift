import RewardsContract

/// A decision the operator is about to take, with what the dialog says about it.
public struct PendingAction: Sendable, Hashable {
    public var subject: ActionSubject
    public var objectId: String
    public var verb: ActionVerb
    public var expectedVersion: Int
    public var note: String?
    /// Lines that say what will happen, shown in the dialog.
    public var summary: [String]

    public init(subject: ActionSubject, objectId: String, verb: ActionVerb, expectedVersion: Int, note: String? = nil,
                summary: [String]) {
        self.subject = subject; self.objectId = objectId; self.verb = verb
        self.expectedVersion = expectedVersion; self.note = note; self.summary = summary
    }
}

public enum DialogButton: Sendable, Hashable {
    case cancel
    case confirm
}

/// The modal layer above the panes. Cancel is the focused button by default, so a stray
/// Enter never takes a decision.
public enum Dialog: Sendable, Hashable {
    case confirm(action: PendingAction, focus: DialogButton)
    case note(action: PendingAction, text: String, error: String?)
}

/// A one-line text input at the bottom (the members filter).
public struct InputLine: Sendable, Hashable {
    public var prompt: String
    public var text: String
}
