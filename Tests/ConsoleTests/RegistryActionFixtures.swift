import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// Helpers for the per-action tests: the registry's own keys and command names, a state on
/// which each action applies, and a comparable picture of the state.
enum RegistryActionFixtures {
    // MARK: The registry's keys and names

    static func spec(_ id: ActionID) -> ActionSpec {
        guard let spec = ActionRegistry.spec(id) else { fatalError("\(id) has no spec in ActionRegistry.all") }
        return spec
    }

    /// The action's default key, from the registry (nil for a command-only action).
    static func defaultKey(_ id: ActionID) -> Key? { spec(id).keys.first }

    /// Presses the action's default key, as the registry defines it.
    static func press(_ id: ActionID, _ state: inout AppState, sourceLocation: SourceLocation = #_sourceLocation)
        -> [Command] {
        guard let key = defaultKey(id) else {
            Issue.record("\(id) has no key", sourceLocation: sourceLocation)
            return []
        }
        return Update.update(&state, .key(key))
    }

    /// Types `:name` and Enter; the commands of the Enter (typing itself must ask for nothing).
    static func run(command name: String, _ state: inout AppState, sourceLocation: SourceLocation = #_sourceLocation)
        -> [Command] {
        var typed = Update.update(&state, .key(.char(":")))
        for character in name { typed += Update.update(&state, .key(.char(character))) }
        #expect(typed.isEmpty, "typing :\(name) asks for nothing", sourceLocation: sourceLocation)
        #expect(state.commandInput?.text == name, "the command line holds :\(name)", sourceLocation: sourceLocation)
        return Update.update(&state, .key(.enter))
    }

    // MARK: States

    /// A full window of 20 reviews (the table height at 24 rows), the 13th selected, so that
    /// every move has a distinct outcome: j/k/C-u stay inside, PgDn/C-d/PgUp leave it.
    static let tallReviews: [ReviewRow] = (101...120).map { number in
        ReviewRow(review: Fixtures.review("rev_\(number)", status: .open, age: Double(10_000 - number), requested: 10,
                                          available: 100),
                  memberName: "Member \(number)")
    }

    static func tallState() -> AppState {
        var state = Fixtures.state()
        state.reviews.list.apply(Fixtures.rows(tallReviews, key: \.review.id), select: .index(12), atStart: false)
        return state
    }

    /// A decision queued a moment ago, still inside its undo window.
    static func queuedEntry(_ objectId: String = "rev_001") throws -> OutboxEntry {
        try OutboxFixture.entry(objectId: objectId, state: "queued", baseVersion: 2,
                                sendAfter: Fixtures.now.addingTimeInterval(5))
    }

    /// A state on which the action applies and does something visible. The switch is
    /// exhaustive: a new action does not compile until it has one.
    static func applicableState(for id: ActionID) throws -> AppState {
        var state = Fixtures.state()  // the review queue, every pane loaded
        switch id {
        case .quit, .help, .syncNow, .audit, .approve, .escalate, .mark, .cycleStatus, .copyId, .membersPane,
             .redemptionsPane, .errorsPane, .previousPane, .approveWithNote, .openMember:
            break
        case .filter, .clearFilter:
            state.reviews.filter.text = "Zoë"
        case .nextPane, .reviewsPane, .toggleDeleted, .openDetail:
            state.pane = .members
        case .down, .up, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            state = tallState()
        case .errorsOpen, .errorsStatus, .errorsRetryable, .errorsSource:
            state = ErrorLogFixtures.state()
        case .errorsBack:
            state = ErrorLogFixtures.drilledState()
        case .undo:
            _ = Update.update(&state, .actionQueued(try queuedEntry()))
        }
        return state
    }

    // MARK: Read-only states

    enum ReadOnlyCause: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case supportRole, unknownRole, readOnlyProfile, otherEnvironment

        var testDescription: String { rawValue }

        func apply(_ state: inout AppState) {
            switch self {
            case .supportRole: state.identity?.role = .support
            case .unknownRole: state.identity = nil
            case .readOnlyProfile:
                state.profileName = "audit"
                state.profileReadOnly = true
            case .otherEnvironment:
                state.expectedEnvironment = .live
            }
        }

        /// The reason as the flash starts it.
        var flashPrefix: String {
            switch self {
            case .supportRole: return "Read-only key (role support)"
            case .unknownRole: return "The key's role is not known yet"
            case .readOnlyProfile: return "Profile audit is read only"
            case .otherEnvironment: return "The key is for TEST but the profile expects LIVE"
            }
        }
    }

    // MARK: Commands

    static func windowLoad(_ commands: [Command]) -> (pane: PaneID, query: PaneQuery, request: WindowRequest, limit: Int,
                                                      select: SelectionHint, generation: Int)? {
        for command in commands {
            if case .loadWindow(let query, let request, let limit, let select, let generation) = command {
                return (query.pane, query, request, limit, select, generation)
            }
        }
        return nil
    }

    static func groupsLoad(_ commands: [Command]) -> ErrorLogFilter? {
        for command in commands {
            if case .loadErrorGroups(let filter, _, _, _) = command { return filter }
        }
        return nil
    }

    static func sendsADecision(_ commands: [Command]) -> Bool {
        commands.contains { command in
            switch command {
            case .enqueue, .cancelQueued: return true
            default: return false
            }
        }
    }
}

/// Everything an action can change in `AppState`, comparable (the state itself is not: the
/// pending move is a tuple).
struct StateSnapshot: Equatable, CustomStringConvertible {
    var pane: PaneID
    var showHelp: Bool
    var quitRequested: Bool
    var filterInput: InputLine?
    var commandInput: InputLine?
    var dialog: DecisionDialog?
    var marks: [PaneID: [String: PendingAction]]
    var undoable: [OutboxEntry]
    var queuing: Set<String>
    var undoOnArrival: Bool
    var flash: Flash?
    var needsRefresh: Bool
    var panes: PaneStates
    var detail: AnyHashable?
    var audit: [AuditEntry]?
    var awaitingPane: PaneID?
    var awaitingGeneration: Int?
    var typeahead: [Key]

    init(_ state: AppState) {
        pane = state.pane
        showHelp = state.showHelp
        quitRequested = state.quitRequested
        filterInput = state.filterInput
        commandInput = state.commandInput
        dialog = state.dialog
        marks = state.marks
        undoable = state.undoable
        queuing = state.queuing
        undoOnArrival = state.undoOnArrival
        flash = state.flash
        needsRefresh = state.needsRefresh
        panes = state.panes
        detail = state.detail.map { AnyHashable($0) }
        audit = state.audit
        awaitingPane = state.awaitingMove?.pane
        awaitingGeneration = state.awaitingMove?.generation
        typeahead = state.typeahead
    }

    var description: String {
        "pane \(pane), help \(showHelp), quit \(quitRequested), filter \(String(describing: filterInput)), "
            + "dialog \(dialog.map { "\($0.verb) \($0.actions.map(\.objectId))" } ?? "none"), "
            + "flash \(flash?.text ?? "none"), detail \(detail.map { "\($0)" } ?? "none"), "
            + "selected " + PaneTable.ids.map { "\($0) \(panes[$0].selected)" }.joined(separator: "/")
    }
}
