import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The console's only state transition: a message in, the new state and the effects out.
/// Pure: no I/O, no clock (time arrives as `.tick`), so tests feed messages and assert.
public enum Update {
    public static func update(_ state: inout AppState, _ message: Message) -> [Command] {
        switch message {
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let columns, let rows):
            state.columns = columns
            state.rows = rows
            return reloadPane(&state, state.pane)
        case .tick(let now):
            state.now = now
            state.refreshedSinceTick = false
            if let flash = state.flash, now.timeIntervalSince(flash.at) > 6 { state.flash = nil }
            if let awaiting = state.awaitingMove, now.timeIntervalSince(awaiting.since) > 1 {
                return replayTypeahead(&state)
            }
            if errorGroupsAreStale(state) { state.needsRefresh = true }
            var commands: [Command] = []
            if state.needsRefresh {
                state.needsRefresh = false
                // The tick's own refresh leaves the next change free to show at once.
                commands = refreshVisible(&state)
            }
            // The counts scan whole tables (a million members): at most every two seconds,
            // however fast the feed changes things; the visible rows refresh at once.
            if state.countsOwed, now.timeIntervalSince(state.countsRequestedAt ?? .distantPast) >= 2 {
                state.countsOwed = false
                state.countsRequestedAt = now
                commands.append(.loadCounts)
            }
            return commands
        case .windowLoaded(let pane, let generation, let rows, let select, let outbox, let atStart):
            applyWindow(&state, pane: pane, generation: generation, rows: rows, select: select, atStart: atStart)
            for (id, entry) in outbox { state.outbox[id] = entry }
            if let awaiting = state.awaitingMove, awaiting.pane == pane, awaiting.generation == generation {
                return replayTypeahead(&state)
            }
            return []
        case .countsLoaded(let counts):
            state.counts = counts
            return []
        case .errorGroupsLoaded(let generation, let groups):
            errorGroupsLoaded(&state, generation: generation, result: groups)
            return []
        case .sync(let event):
            return handleSync(&state, event)
        case .actionQueued(let entry):
            return actionQueued(&state, entry)
        case .undoFinished(let withdrawn, let alreadySent):
            return undoFinished(&state, withdrawn: withdrawn, alreadySent: alreadySent)
        case .memberDetailLoaded(let memberId, let detail):
            return detailLoaded(&state, memberId: memberId, detail: detail)
        case .ledgerFetched(let memberId, let error):
            return ledgerFetched(&state, memberId: memberId, error: error)
        case .conflictExplained(_, let text):
            state.flash = Flash(text: text, level: .warning, at: state.now)
            state.needsRefresh = true
            return []
        case .auditLoaded(let entries):
            state.audit = entries
            return []
        case .profileChoicesLoaded(let choices):
            state.profileChoices = choices
            return []
        case .profileSwitchRefused(let name, let reason):
            return profileSwitchRefused(&state, name: name, reason: reason)
        case .profileSwitchAccepted(let name):
            return profileSwitchAccepted(&state, name: name)
        case .profileSwitched(let previous, let leftInOutbox):
            return profileSwitched(&state, from: previous, leftInOutbox: leftInOutbox)
        case .effectFailed(let text):
            state.flash = Flash(text: text, level: .error, at: state.now)
            return state.awaitingMove == nil ? [] : replayTypeahead(&state)
        }
    }

    /// The first effects of a new console: every pane's first window, and the counts.
    public static func start(_ state: inout AppState) -> [Command] {
        PaneID.allCases.flatMap { reloadPane(&state, $0) } + [.loadCounts]
    }

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Command] {
        if key == .hangup || key == .ctrl("c") {
            // Gone terminal or Ctrl-C: end even from a dialog; nothing unconfirmed is sent.
            state.dialog = nil
            state.quitRequested = true
            return [.quit]
        }
        if state.awaitingMove != nil {
            state.typeahead.append(key)
            return []
        }
        if state.showHelp {
            state.showHelp = false
            return []
        }
        if state.dialog != nil { return handleDialogKey(&state, key) }
        // An open `:` or `/` line owns the keys typed into it, over the audit and the detail too.
        let typing = state.commandInput != nil || state.filterInput != nil
        if !typing, state.audit != nil, [.escape, .char("q"), .enter].contains(key) {
            state.audit = nil
            return []
        }
        if !typing, state.memberDetail != nil, let commands = handleDetailKey(&state, key) { return commands }
        if state.filterInput != nil { return handleFilterKey(&state, key) }
        if key == .resize { return [] }
        if case .mouse(let event) = key { return handleMouse(&state, event) }
        if state.commandInput != nil { return handleCommandKey(&state, key) }
        if key == .char(":") {
            state.commandInput = InputLine(prompt: ":", text: "")
            return []
        }
        guard let spec = state.keymap.action(for: key, on: state.pane) else {
            if key == .escape, state.flash != nil { state.flash = nil }
            return []
        }
        return perform(&state, spec)
    }

    /// Runs one action of the registry, whether it came from a key or the `:` command line.
    static func perform(_ state: inout AppState, _ spec: ActionSpec) -> [Command] {
        if spec.mutates && state.isReadOnly {
            let reason = state.readOnlyReason ?? "read only"
            let text = reason.prefix(1).uppercased() + reason.dropFirst()
            state.flash = Flash(text: "\(text): \(spec.description) is not allowed", level: .warning, at: state.now)
            return []
        }
        if let commands = handleErrorLogAction(&state, spec.id) { return commands }
        let height = state.tableHeight
        switch spec.id {
        case .quit:
            state.quitRequested = true
            return [.quit]
        case .help:
            state.showHelp = true
            return []
        case .nextPane: return switchPane(&state, state.pane.next)
        case .previousPane: return switchPane(&state, state.pane.previous)
        case .membersPane: return switchPane(&state, .members)
        case .redemptionsPane: return switchPane(&state, .redemptions)
        case .reviewsPane: return switchPane(&state, .reviews)
        case .errorsPane: return switchPane(&state, .errors)
        case .down: return move(&state, by: 1)
        case .up: return move(&state, by: -1)
        case .pageDown: return move(&state, by: height)
        case .pageUp: return move(&state, by: -height)
        case .halfPageDown: return move(&state, by: max(1, height / 2))
        case .halfPageUp: return move(&state, by: -max(1, height / 2))
        case .top: return navigate(&state, state.pane, .top, .index(0))
        case .bottom: return navigate(&state, state.pane, .bottom, .last)
        case .filter:
            state.filterInput = InputLine(prompt: "/", text: filterText(state, state.pane))
            return []
        case .approve: return beginAction(&state, .approve)
        case .escalate: return beginAction(&state, .escalate)
        case .openDetail:
            return openMemberDetail(&state)
        case .mark:
            return toggleMark(&state)
        case .cycleStatus:
            return cycleStatus(&state)
        case .toggleDeleted:
            state.memberFilter.includeDeleted.toggle()
            state.flash = Flash(text: state.memberFilter.includeDeleted ? "Showing soft-deleted members" : "Hiding soft-deleted members",
                                level: .info, at: state.now)
            return load(&state, .members, .top, .index(0))
        case .copyId:
            return copySelectedId(&state)
        case .audit:
            return [.loadAudit]
        case .undo:
            return undo(&state)
        case .errorsOpen, .errorsBack, .errorsSource, .errorsRetryable, .errorsStatus:
            return []  // only on the Error log, handled above
        case .syncNow:
            state.flash = Flash(text: "Syncing…", level: .info, at: state.now)
            state.needsRefresh = true
            return [.syncNow]
        }
    }

    static func switchPane(_ state: inout AppState, _ pane: PaneID) -> [Command] {
        // However it is asked for (key, tab click, `:` command), the pane is shown, not the detail.
        state.memberDetail = nil
        state.pane = pane
        return refresh(&state, pane)
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Command] {
        if state.pane == .errors, state.errorLog.mode == .groups { return moveGroupSelection(&state, by: delta) }
        let height = state.tableHeight
        let pane = state.pane
        let request: (WindowRequest, SelectionHint)?
        switch pane {
        case .members: request = state.members.move(by: delta, height: height)
        case .redemptions: request = state.redemptions.move(by: delta, height: height)
        case .reviews: request = state.reviews.move(by: delta, height: height)
        case .errors: request = state.errors.move(by: delta, height: height)
        }
        guard let (windowRequest, select) = request else { return [] }
        return navigate(&state, pane, windowRequest, select)
    }

    /// A load that moves the selection: keys wait for it (see `AppState.awaitingMove`).
    static func navigate(_ state: inout AppState, _ pane: PaneID, _ request: WindowRequest, _ select: SelectionHint)
        -> [Command] {
        let commands = load(&state, pane, request, select)
        if case .loadWindow(_, _, _, _, _, let generation)? = commands.first {
            state.awaitingMove = (pane, generation, state.now)
        }
        return commands
    }

    /// The move has landed (or given up): the keys typed meanwhile run now, in order.
    static func replayTypeahead(_ state: inout AppState) -> [Command] {
        state.awaitingMove = nil
        var commands: [Command] = []
        while !state.typeahead.isEmpty && state.awaitingMove == nil {
            let key = state.typeahead.removeFirst()
            commands += handleKey(&state, key)
        }
        return commands
    }

    // MARK: Windows

    static func query(_ state: AppState, _ pane: PaneID) -> PaneQuery {
        switch pane {
        case .members: return .members(state.memberFilter)
        case .redemptions: return .redemptions(state.redemptionFilter)
        case .reviews: return .reviews(state.reviewFilter)
        case .errors: return .errorLog(state.errorLog.rowFilter)
        }
    }

    static func load(_ state: inout AppState, _ pane: PaneID, _ request: WindowRequest, _ select: SelectionHint)
        -> [Command] {
        let generation: Int
        switch pane {
        case .members: state.members.generation += 1; generation = state.members.generation
        case .redemptions: state.redemptions.generation += 1; generation = state.redemptions.generation
        case .reviews: state.reviews.generation += 1; generation = state.reviews.generation
        case .errors: state.errors.generation += 1; generation = state.errors.generation
        }
        return [.loadWindow(pane: pane, query: query(state, pane), request: request, limit: state.tableHeight,
                            select: select, generation: generation)]
    }

    static func reloadPane(_ state: inout AppState, _ pane: PaneID) -> [Command] {
        refresh(&state, pane)
    }

    /// Reloads a pane where it stands, keeping the selected object selected if it is still there.
    static func refresh(_ state: inout AppState, _ pane: PaneID) -> [Command] {
        if pane == .errors, let commands = refreshErrorLog(&state) { return commands }
        let (request, select): (WindowRequest, SelectionHint)
        switch pane {
        case .members: (request, select) = state.members.refreshRequest()
        case .redemptions: (request, select) = state.redemptions.refreshRequest()
        case .reviews: (request, select) = state.reviews.refreshRequest()
        case .errors: (request, select) = state.errors.refreshRequest()
        }
        return load(&state, pane, request, select)
    }

    /// What the feed changed shows at once, unless the screen already refreshed since the last
    /// tick: then it waits for the tick, so a busy feed costs at most two refreshes a tick.
    static func refreshSoon(_ state: inout AppState) -> [Command] {
        guard !state.refreshedSinceTick else {
            state.needsRefresh = true
            return []
        }
        state.refreshedSinceTick = true
        return refreshVisible(&state)
    }

    /// The visible pane (and the open member detail) reloaded where they stand; the counts follow.
    static func refreshVisible(_ state: inout AppState) -> [Command] {
        state.countsOwed = true
        let detail = state.memberDetail.map { [Command.loadMemberDetail(memberId: $0.memberId)] } ?? []
        return refresh(&state, state.pane) + detail
    }

    static func applyWindow(_ state: inout AppState, pane: PaneID, generation: Int, rows: PaneRows,
                            select: SelectionHint, atStart: Bool) {
        switch rows {
        case .members(let window) where state.members.generation == generation:
            state.members.apply(window, select: select, atStart: atStart)
        case .redemptions(let window) where state.redemptions.generation == generation:
            state.redemptions.apply(window, select: select, atStart: atStart)
        case .reviews(let window) where state.reviews.generation == generation:
            state.reviews.apply(window, select: select, atStart: atStart)
        case .errors(let window) where state.errors.generation == generation:
            state.errors.apply(window, select: select, atStart: atStart)
        default:
            break  // an answer to a request that a newer one replaced
        }
    }

    // MARK: Sync events

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
        case .bootstrapPage, .progress:
            return []
        case .bootstrapped:
            state.needsRefresh = true
            return PaneID.allCases.filter { $0 != state.pane }.flatMap { refresh(&state, $0) }
        case .outboxDelivered(let entry):
            state.outbox[entry.objectId] = entry
            state.needsRefresh = true
            let version = entry.resultVersion.map { " (version \($0))" } ?? ""
            state.flash = Flash(text: "\(pastTense(entry.verb)) \(entry.objectId)\(version)", level: .success, at: state.now)
            return []
        case .outboxFailed(let entry):
            state.outbox[entry.objectId] = entry
            state.needsRefresh = true
            state.lastErrorCode = entry.errorCode
            state.flash = Flash(text: "\(entry.verb.rawValue) \(entry.objectId) failed: \(entry.errorCode ?? "error") — \(entry.errorMessage ?? "")",
                                level: .error, at: state.now)
            if ["version_conflict", "review_already_decided"].contains(entry.errorCode ?? "") {
                return [.syncNow, .explainConflict(entry)]
            }
            return []
        case .error(let error):
            state.lastErrorCode = error.code
            return []
        }
    }

    static func pastTense(_ verb: ActionVerb) -> String {
        switch verb {
        case .approve: return "Approved"
        case .escalate: return "Escalated"
        default: return verb.rawValue
        }
    }

    // MARK: Filter input

    static func handleFilterKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var input = state.filterInput else { return [] }
        switch key {
        case .escape:
            state.filterInput = nil
            setFilterText(&state, state.pane, "")
            return load(&state, state.pane, .top, .index(0))
        case .enter:
            state.filterInput = nil
            return []
        case .backspace:
            if input.text.isEmpty { return [] }
            input.text.removeLast()
        case .char(let character):
            input.text.append(character)
        default:
            return []
        }
        state.filterInput = input
        setFilterText(&state, state.pane, input.text)
        return load(&state, state.pane, .top, .index(0))
    }

    static func filterText(_ state: AppState, _ pane: PaneID) -> String {
        switch pane {
        case .members: return state.memberFilter.text
        case .reviews: return state.reviewFilter.text
        case .redemptions: return state.redemptionFilter.text
        case .errors: return ""
        }
    }

    static func setFilterText(_ state: inout AppState, _ pane: PaneID, _ text: String) {
        switch pane {
        case .members: state.memberFilter.text = text
        case .reviews: state.reviewFilter.text = text
        case .redemptions: state.redemptionFilter.text = text
        case .errors: break
        }
    }
}
