import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// A message in the line above the status bar.
public struct Flash: Sendable, Hashable {
    public enum Level: Sendable, Hashable { case info, success, warning, error }
    public var text: String
    public var level: Level
    public var at: Date
}

/// Everything the console shows, as one value. Views render it; only `Update` changes it.
public struct AppState: Sendable {
    public var columns: Int
    public var rows: Int
    public var now: Date
    public var pane: PaneID = .reviews
    /// Every pane's window, filter and selection (`PaneTable.all` lists the panes).
    public var panes = PaneStates()
    public var filterInput: InputLine?
    /// The `:` command line while it is open.
    public var commandInput: InputLine?
    public var outbox: [String: OutboxEntry] = [:]
    public var counts = MirrorCounts()
    public var identity: Me?
    /// The environment the profile expects, known before `/v1/me` answers.
    public var environmentHint: Environment?
    public var sync: SyncStatus = .starting
    /// The lists still being read by a bootstrap, and the search index (#14).
    public var loading = LoadingState()
    public var lastSyncedAt: Date?
    public var lastErrorCode: String?
    /// The operator asked to sync now (`r`, `:sync`): its round trip is shown when it ends.
    public var syncNowRequestedAt: Date?
    public var dialog: DecisionDialog?
    /// Rows marked with space for a bulk decision, per pane, with the version seen when marked.
    public var marks: [PaneID: [String: PendingAction]] = [:]
    /// Queued decisions that may still be withdrawn with `u` until they are sent.
    public var undoable: [OutboxEntry] = []
    /// Objects confirmed but not yet written to the outbox (the write runs off this thread):
    /// they count as on their way, and `u` pressed meanwhile withdraws them on arrival.
    public var queuing: Set<String> = []
    public var undoOnArrival = false
    /// Seconds a decision waits in the outbox before it is sent, so `u` can take it back.
    public var undoSeconds: Double = 5
    /// The view of one item over the panes (a review, a redemption, a member), while open.
    var detail: (any ItemDetail)?
    /// The views it was opened from, the latest last: Esc goes back through them.
    var detailTrail: [any ItemDetail] = []
    /// The audit overlay (`:audit`), newest first.
    public var audit: [AuditEntry]?
    public var showHelp = false
    public var flash: Flash?
    public var needsRefresh = false
    /// The visible rows were reloaded since the last tick (a busy feed then waits for the tick).
    public var refreshedSinceTick = false
    /// The counts need reloading; they are reloaded at most every two seconds.
    public var countsOwed = false
    public var countsRequestedAt: Date?
    /// A move that left the window is waiting for its rows; keys typed meanwhile wait too,
    /// so `G` then `a` approves the last row, not the one selected before.
    public var awaitingMove: (pane: PaneID, generation: Int, since: Date)?
    public var typeahead: [Key] = []
    /// When Backspace closed an empty prompt: keys typed right after it do nothing (see
    /// `Update.holdKeyAfterClosedPrompt`) until `promptHoldSeconds` pass without one.
    public var promptClosedAt: Date?
    public static let promptHoldSeconds: TimeInterval = 1
    public var quitRequested = false
    /// `q` with decisions not sent yet: send them and wait, leave them queued, or stay.
    public var quitDialog: QuitDialog?
    /// Ctrl-C or a hangup came while a confirmed decision was still being written to the
    /// outbox: the console ends once it is written (or after `QuitRules.writeWaitSeconds`).
    public var quitAfterQueuing: Date?
    /// Said on the terminal after the console has ended (decisions left queued, say).
    public var exitNote: String?
    /// Unsent decisions outlive the session in its mirror (false in the demo, whose mirror goes
    /// with it: the demo sends them before its sandbox stops).
    public var outboxOutlivesSession = true
    /// Refused decisions whose `✗` stays on their row, with who won the race, until the
    /// operator moves off the row or dismisses it (Esc).
    var heldRefusals: [String: HeldRefusal] = [:]
    /// A bulk decision whose answers are still coming in.
    var bulk: BulkTally?
    /// A notice that stays until dismissed (the bulk summary).
    var notice: Notice?
    /// The session `:profile NAME` opened: it starts once this one has ended.
    public var nextSession: SessionParts?

    public init(columns: Int, rows: Int, now: Date = Date()) {
        self.columns = columns
        self.rows = rows
        self.now = now
    }

    /// Rows of the table area: the screen less the tab bar, the header, the message line and
    /// the status line.
    public var tableHeight: Int { max(1, rows - 4) }

    public var environment: Environment? { identity?.environment ?? environmentHint }
    /// The profile's name, shown in the status line.
    public var profileName: String?
    /// Keys remapped in the config file.
    public var keymap = Keymap()
    /// Themes `:theme` can switch to (shipped and the user's own).
    public var themeNames: [String] = []
    /// The profile says read only, whatever the key's role.
    public var profileReadOnly = false
    /// The environment the profile expects; a key of the other one blocks every decision.
    public var expectedEnvironment: Environment?
    /// What `:profile` may switch to; nil when this console has no profiles (the demo).
    public var profileChoices: ProfileChoices?

    /// Why decisions are refused, when they are: the rules every decision follows (`DecisionRules`).
    public var readOnlyReason: String? {
        DecisionRules.refusal(identity: identity, expectedEnvironment: expectedEnvironment,
                              profileReadOnly: profileReadOnly, profileName: profileName)
    }

    /// Decisions go to a LIVE platform, by any sign the console has (`DecisionRules.isLive`).
    public var decidesOnLive: Bool {
        DecisionRules.isLive(identity: identity, keyId: identity?.keyId ?? "", expectedEnvironment: expectedEnvironment)
            || environmentHint == .live
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
    public var isTooSmall: Bool { columns < 80 || rows < 24 }
}
