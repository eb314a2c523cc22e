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
            let commands = handleKey(&state, key)
            releaseHeldRefusals(&state)
            return commands
        case .resize(let columns, let rows):
            state.columns = columns
            state.rows = rows
            return refresh(&state, state.pane)
        case .tick(let now):
            return tick(&state, now)
        case .windowLoaded(let pane, let generation, let rows, let select, let outbox, let atStart):
            state.panes[pane].apply(rows, generation: generation, select: select, atStart: atStart)
            for (id, entry) in outbox { state.outbox[id] = entry }
            if let awaiting = state.awaitingMove, awaiting.pane == pane, awaiting.generation == generation {
                return replayTypeahead(&state)
            }
            return []
        case .countsLoaded(let counts):
            state.counts = counts
            return []
        case .matchesCounted(let pane, let generation, let matches):
            state.panes[pane].takeMatches(matches, generation: generation)
            return []
        case .errorGroupsLoaded(let generation, let groups):
            ErrorLogPane.groupsLoaded(&state, generation: generation, result: groups)
            return []
        case .detailLoaded(let content):
            guard var detail = state.detail, let commands = detail.take(content) else { return [] }
            state.detail = detail
            return commands
        case .sync(let event):
            return handleSync(&state, event)
        case .syncNowFinished(let outcome):
            return syncNowFinished(&state, outcome)
        case .actionQueued(let entry):
            return actionQueued(&state, entry)
        case .undoFinished(let withdrawn, let alreadySent):
            return undoFinished(&state, withdrawn: withdrawn, alreadySent: alreadySent)
        case .ledgerFetched(let memberId, let error):
            guard var detail = state.detail else { return [] }
            let commands = detail.ledgerFetched(memberId: memberId, error: error)
            state.detail = detail
            return commands
        case .conflictExplained(let objectId, let text):
            return conflictExplained(&state, objectId: objectId, text: text)
        case .outboxChecked(let pending):
            return outboxChecked(&state, pending: pending)
        case .auditLoaded(let entries):
            state.audit = entries
            return []
        case .themeSwitched(let name, let error):
            state.flash = error.map { Flash(text: $0, level: .error, at: state.now) }
                ?? Flash(text: "Theme \(name)", level: .success, at: state.now)
            return []
        case .profileChoicesLoaded(let choices):
            state.profileChoices = choices
            return []
        case .profileSwitchRefused(let name, let reason):
            return profileSwitchRefused(&state, name: name, reason: reason)
        case .profileSwitchAccepted(let name, let next):
            return profileSwitchAccepted(&state, name: name, next: next)
        case .profileSwitched(let previous, let leftInOutbox):
            return profileSwitched(&state, from: previous, leftInOutbox: leftInOutbox)
        case .effectFailed(let text):
            state.flash = Flash(text: text, level: .error, at: state.now)
            return state.awaitingMove == nil ? [] : replayTypeahead(&state)
        }
    }

    /// The first effects of a new console: every pane's first window, and the counts.
    public static func start(_ state: inout AppState) -> [Command] {
        PaneTable.ids.flatMap { refresh(&state, $0) } + [.loadCounts]
    }

    static func tick(_ state: inout AppState, _ now: Date) -> [Command] {
        state.now = now
        state.refreshedSinceTick = false
        if let closed = state.promptClosedAt, now.timeIntervalSince(closed) >= AppState.promptHoldSeconds {
            state.promptClosedAt = nil
        }
        if let commands = quitTick(&state) { return commands }
        if let flash = state.flash, now.timeIntervalSince(flash.at) > 6 { state.flash = nil }
        if let awaiting = state.awaitingMove, now.timeIntervalSince(awaiting.since) > 1 {
            return replayTypeahead(&state)
        }
        if state.panes[state.pane].isStale(now: now) { state.needsRefresh = true }
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
        return commands + countMatchesDue(&state, rowsChanged: commands.contains(.loadCounts))
    }

    // MARK: Keys

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Command] {
        if key == .hangup || key == .ctrl("c") {
            // Gone terminal or Ctrl-C: end even from a dialog; nothing unconfirmed is sent, and
            // nothing confirmed is lost (see `interrupt`).
            return interrupt(&state)
        }
        if state.quitDialog != nil { return handleQuitKey(&state, key) }
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
        if !typing, let held = holdKeyAfterClosedPrompt(&state, key) { return held }
        if !typing, state.audit != nil, [.escape, .char("q"), .enter].contains(key) {
            state.audit = nil
            return []
        }
        if !typing, key == .escape, state.notice != nil {
            state.notice = nil
            return []
        }
        if !typing, let commands = handleDetailKey(&state, key) { return commands }
        if state.filterInput != nil { return handleFilterKey(&state, key) }
        if key == .resize { return [] }
        if case .mouse(let event) = key { return handleMouse(&state, event) }
        if state.commandInput != nil { return handleCommandKey(&state, key) }
        if key == .char(":") {
            state.commandInput = InputLine(prompt: ":", text: "")
            return []
        }
        // A review's or redemption's view takes that pane's keys (approve, escalate), wherever
        // it was opened from.
        guard let spec = state.keymap.action(for: key, on: state.detail?.keyPane ?? state.pane) else {
            if key == .escape {
                state.flash = nil
                state.heldRefusals = [:]
            }
            return []
        }
        return perform(&state, spec)
    }

    /// Keys while a detail view is open; nil lets the key fall through to the global ones
    /// (quit, help, pane switching).
    static func handleDetailKey(_ state: inout AppState, _ key: Key) -> [Command]? {
        guard var detail = state.detail else { return nil }
        detail.fit(columns: state.columns, height: state.tableHeight + 1)
        switch detail.handle(key) {
        case .handled(let commands):
            state.detail = detail
            return commands
        case .close:
            return closeDetail(&state)
        case .closeAndPass:
            state.detail = nil
            state.detailTrail = []
            return nil
        case .pass:
            state.detail = detail
            return nil
        case .open(let link):
            state.detail = detail
            return open(&state, link)
        }
    }

    /// Runs one action of the registry, whether it came from a key or the `:` command line.
    static func perform(_ state: inout AppState, _ spec: ActionSpec) -> [Command] {
        if spec.mutates && state.isReadOnly {
            let reason = state.readOnlyReason ?? "read only"
            let text = reason.prefix(1).uppercased() + reason.dropFirst()
            state.flash = Flash(text: "\(text): \(spec.description) is not allowed", level: .warning, at: state.now)
            return []
        }
        if let commands = PaneTable.kind(state.pane).perform(spec.id, &state) { return commands }
        let height = state.tableHeight
        switch spec.id {
        case .quit:
            return quit(&state)
        case .help:
            state.showHelp = true
            return []
        case .nextPane: return switchPane(&state, PaneTable.next(after: state.pane))
        case .previousPane: return switchPane(&state, PaneTable.previous(before: state.pane))
        case .membersPane, .redemptionsPane, .reviewsPane, .errorsPane:
            return PaneTable.pane(shownBy: spec.id).map { switchPane(&state, $0) } ?? []
        case .down: return move(&state, by: 1)
        case .up: return move(&state, by: -1)
        case .pageDown: return move(&state, by: height)
        case .pageUp: return move(&state, by: -height)
        case .halfPageDown: return move(&state, by: max(1, height / 2))
        case .halfPageUp: return move(&state, by: -max(1, height / 2))
        case .top: return navigate(&state, state.pane, .top, .index(0))
        case .bottom: return navigate(&state, state.pane, .bottom, .last)
        case .filter:
            state.filterInput = InputLine(prompt: "/", text: state.panes[state.pane].filterText ?? "")
            return []
        case .approve: return beginAction(&state, .approve)
        case .approveWithNote: return beginAction(&state, .approve, askNote: true)
        case .openMember: return openMember(&state)
        case .escalate: return beginAction(&state, .escalate)
        case .openDetail:
            return openDetail(&state)
        case .mark:
            return toggleMark(&state)
        case .copyId:
            return copySelectedId(&state)
        case .audit:
            return [.loadAudit]
        case .undo:
            return undo(&state)
        case .cycleStatus, .toggleDeleted, .errorsOpen, .errorsBack, .errorsSource, .errorsRetryable, .errorsStatus:
            return []  // a pane's own action, handled above by the pane it belongs to
        case .syncNow:
            state.flash = Flash(text: "Syncing…", level: .info, at: state.now)
            state.needsRefresh = true
            state.syncNowRequestedAt = state.now
            return [.syncNow]
        case .clearFilter:
            return clearFilter(&state)
        }
    }

    static func switchPane(_ state: inout AppState, _ pane: PaneID) -> [Command] {
        // However it is asked for (key, tab click, `:` command), the pane is shown, not the detail.
        state.detail = nil
        state.detailTrail = []
        state.pane = pane
        return refresh(&state, pane)
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Command] {
        if let commands = PaneTable.kind(state.pane).move(by: delta, &state) { return commands }
        let pane = state.pane
        guard let (request, select) = state.panes[pane].move(by: delta, height: state.tableHeight) else { return [] }
        return navigate(&state, pane, request, select)
    }

    /// A load that moves the selection: keys wait for it (see `AppState.awaitingMove`).
    static func navigate(_ state: inout AppState, _ pane: PaneID, _ request: WindowRequest, _ select: SelectionHint)
        -> [Command] {
        let commands = load(&state, pane, request, select)
        if case .loadWindow(_, _, _, _, let generation)? = commands.first {
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

    static func load(_ state: inout AppState, _ pane: PaneID, _ request: WindowRequest, _ select: SelectionHint)
        -> [Command] {
        let generation = state.panes[pane].nextGeneration()
        return [.loadWindow(state.panes[pane].query, request: request, limit: state.tableHeight, select: select,
                            generation: generation)]
    }

    /// Reloads a pane where it stands, keeping the selected object selected if it is still there.
    static func refresh(_ state: inout AppState, _ pane: PaneID) -> [Command] {
        if let commands = PaneTable.kind(pane).refresh(&state) { return commands }
        let (request, select) = state.panes[pane].refreshRequest()
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

    /// The visible pane (and the open detail view) reloaded where they stand; the counts follow.
    static func refreshVisible(_ state: inout AppState) -> [Command] {
        state.countsOwed = true
        return refresh(&state, state.pane) + (state.detail.map { [$0.reload] } ?? [])
    }

    // MARK: Filter input

    static func handleFilterKey(_ state: inout AppState, _ key: Key) -> [Command] {
        guard var input = state.filterInput else { return [] }
        switch key {
        case .escape:
            state.filterInput = nil
            state.panes[state.pane].filterText = ""
            return filterChanged(&state)
        case .enter:
            state.filterInput = nil
            return PaneTable.kind(state.pane).textFilterAccepted(&state) ?? []
        case .backspace:
            if input.text.isEmpty {
                closePromptByBackspace(&state)
                return []
            }
            input.text.removeLast()
        case .char(let character):
            input.text.append(character)
        default:
            return []
        }
        state.filterInput = input
        state.panes[state.pane].filterText = input.text
        return filterChanged(&state)
    }

    /// Esc over a pane: its text filter goes; with none, Esc dismisses the message line and the
    /// refusals held on rows, as it does on a pane without a filter.
    static func clearFilter(_ state: inout AppState) -> [Command] {
        guard let text = state.panes[state.pane].filterText, !text.isEmpty else {
            state.flash = nil
            state.heldRefusals = [:]
            return []
        }
        state.panes[state.pane].filterText = ""
        return filterChanged(&state)
    }

    /// The pane's rows for its new text filter: from the top, unless the pane says otherwise.
    static func filterChanged(_ state: inout AppState) -> [Command] {
        PaneTable.kind(state.pane).textFilterChanged(&state) ?? load(&state, state.pane, .top, .index(0))
    }
}
