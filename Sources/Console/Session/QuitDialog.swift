import Foundation
import Mirror

/// `q` with decisions not sent yet (in their undo window, or waiting for the network): the
/// operator chooses to send them now and wait, to leave them queued, or to stay. Nothing
/// confirmed is ever dropped by quitting: left queued, a decision goes the next time this
/// profile's console or `rewards-ops sync` runs.
public struct QuitDialog: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case asking
        /// The undo windows were cut short and the console waits for the answers.
        case sending(since: Date)
    }

    /// Decisions not sent when `q` was pressed.
    public var unsent: Int
    /// Of them, still inside their undo window.
    public var inUndoWindow: Int
    public var phase: Phase = .asking
    /// This key's entries still unsent, as last counted.
    public var pending: Int?
    public var lastCheck: Date?
    /// Answers that came while sending, and the refusals among them.
    public var answers = 0
    public var refusals: [String] = []

    public init(unsent: Int, inUndoWindow: Int) {
        self.unsent = unsent
        self.inUndoWindow = inUndoWindow
    }

    mutating func answered(_ entry: OutboxEntry) {
        guard case .sending = phase else { return }
        answers += 1
        if entry.state == .failed { refusals.append("\(entry.objectId) \(entry.errorCode ?? "failed")") }
    }
}

/// The bounds of quitting with decisions on their way.
enum QuitRules {
    /// "Send now and wait" gives up waiting after this long; what is left stays queued.
    static let sendWaitSeconds: TimeInterval = 30
    /// How often the outbox is counted while waiting.
    static let checkInterval: TimeInterval = 0.5
    /// Ctrl-C or a hangup waits at most this long for a confirmed decision's outbox write.
    static let writeWaitSeconds: TimeInterval = 3

    static func decisions(_ count: Int) -> String { count == 1 ? "1 decision" : "\(count) decisions" }
}
