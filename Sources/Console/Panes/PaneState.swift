import Foundation
import Mirror
import RewardsContract
import Terminal

/// One pane's state: its window of rows and selection, its filter, what else it keeps, and
/// how far its list has loaded.
struct PaneState<P: Pane>: Sendable, Hashable {
    var list = ListState<P.Row>()
    var filter: P.Filter = P.initialFilter
    var extra: P.Extra = P.initialExtra
    /// Set while the pane's list is still on its way into the mirror (a bootstrap): an empty
    /// window then says how far it has come rather than that there is nothing.
    var progress: LoadProgress?
    /// The generations of the window (and of the summary a pane may draw instead, see
    /// `Pane.summaryGeneration`) when the list finished loading: `progress` stays until one asked
    /// for after that arrives, so rows read mid-load never read as "empty".
    var finishedAt: Generations?
    /// How many rows the tab's number counts match the filter (`Pane.countedMatches`), once
    /// counted; `matchesQuery` is what it was counted (or is being counted) for.
    var matches: MatchCount?
    var matchesQuery: PaneQuery?
    var matchesGeneration = 0

    init() {}

    /// The query behind the window, as a command carries it.
    var query: PaneQuery { PaneQuery(P.self, filter) }

    /// The query whose matches the tab counts; nil when the filter does not narrow the count.
    var countingQuery: PaneQuery? { P.countedMatches(filter).map { PaneQuery(P.self, $0) } }

    /// The progress of the list these rows come from, while it loads; nil when the rows shown
    /// come from no bootstrap (the Error log's own failed calls).
    var loadProgress: LoadProgress? { P.bootstrapList(for: filter) == nil ? nil : progress }

    /// What the table shows when it has no row: never "empty" while its list is still loading.
    var placeholder: String {
        guard list.loaded else { return P.loadingText(loadProgress) }
        guard let progress = loadProgress else { return P.emptyText(self) }
        return filter == P.initialFilter ? P.loadingText(progress) : progress.noMatchYetText
    }

    /// The generic table: the pane's columns over the window, the selection highlighted.
    func renderTable(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let rows = list.rows.map(\.object)
        TableView.render(into: &buffer, columns: P.columns(rows, self, state), rows: rows, selected: list.selected,
                         x: 0, y: y, width: state.columns, height: height, emptyText: placeholder(state))
    }

    /// The placeholder, and why a load does not move when the sync cannot reach the platform
    /// or has stopped: "Loading…" alone would read as work in progress.
    func placeholder(_ state: AppState) -> String {
        let text = placeholder
        guard rowsAreOnTheirWay else { return text }
        switch state.sync {
        case .offline(_, let code): return text + " — paused: platform unreachable (\(code)), retrying"
        // The platform's own words first: "This is a live key; this server runs in test." says
        // what to do, the code alone does not (made inert where it is drawn).
        case .failed(let code, let message):
            return text + " — stopped: " + (message.isEmpty ? "the sync failed" : message) + " (\(code))"
        default: return text
        }
    }

    /// The window is empty because its list's bootstrap has not brought its rows yet.
    private var rowsAreOnTheirWay: Bool { loadProgress != nil }
}

/// A pane's state without its row type: what the generic code (moves, loads, refreshes, the
/// table, the common actions) needs. `PaneState` is the only conformer.
protocol AnyPaneState: Sendable {
    var id: PaneID { get }
    var isLoading: Bool { get }
    var rowCount: Int { get }
    var selected: Int { get set }
    var query: PaneQuery { get }
    /// The text `/` edits; nil where the pane has none (setting it then does nothing).
    var filterText: String? { get set }
    /// The list whose bootstrap fills the pane (see `Pane.bootstrapList`): its progress goes to
    /// `progress`, shown while the current filter shows that list's rows.
    var bootstrapList: ObjectKind? { get }
    var progress: LoadProgress? { get set }
    /// The list's progress, or nil once it has finished: the pane stops saying it is loading
    /// when a window asked for after that arrives.
    mutating func listProgressed(_ progress: LoadProgress?)
    /// The summary a pane draws instead of its window arrived (see `Pane.summaryGeneration`).
    mutating func summaryLoaded(generation: Int)
    var loadProgress: LoadProgress? { get }
    var countingQuery: PaneQuery? { get }
    var matches: MatchCount? { get }
    var matchesQuery: PaneQuery? { get }
    /// Asks for the filter's matches to be counted (`keepShown`: the last count stays on the tab
    /// until the answer, because only the rows changed, not the filter); nil when it does not narrow.
    mutating func requestMatches(keepShown: Bool) -> Command?
    /// Takes a count if it answers the latest request.
    mutating func takeMatches(_ matches: MatchCount, generation: Int)
    var selectedDetail: (any ItemDetail)? { get }
    var selectedMemberId: String? { get }
    var selectedRowId: String? { get }
    var selectedRefusal: String? { get }
    var copyText: String? { get }
    func selectedDecision(_ verb: ActionVerb) -> PendingAction?
    mutating func move(by delta: Int, height: Int) -> (WindowRequest, SelectionHint)?
    func refreshRequest() -> (WindowRequest, SelectionHint)
    /// Bumps and returns the generation of the next window request.
    mutating func nextGeneration() -> Int
    /// Takes a window if it answers the latest request; an older answer is dropped.
    mutating func apply(_ window: PaneWindow, generation: Int, select: SelectionHint, atStart: Bool)
    /// Rows of another filter must not show while the new window loads.
    mutating func clearRows()
    func isStale(now: Date) -> Bool
    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int)
    func messageLine(_ state: AppState) -> String?
    func isEqual(to other: any AnyPaneState) -> Bool
}

extension PaneState: AnyPaneState {
    var id: PaneID { P.id }
    var isLoading: Bool { list.isLoading }
    var rowCount: Int { list.rows.count }

    var selected: Int {
        get { list.selected }
        set { list.selected = newValue }
    }

    var filterText: String? {
        get { P.textFilter.map { filter[keyPath: $0] } }
        set {
            guard let path = P.textFilter, let newValue else { return }
            filter[keyPath: path] = newValue
        }
    }

    var bootstrapList: ObjectKind? { P.bootstrapList(for: P.initialFilter) }

    mutating func requestMatches(keepShown: Bool) -> Command? {
        guard let counting = countingQuery else {
            matches = nil
            matchesQuery = nil
            return nil
        }
        if !keepShown || matchesQuery != counting { matches = nil }
        matchesQuery = counting
        matchesGeneration += 1
        return .countMatches(counting, limit: MatchCount.limit, generation: matchesGeneration)
    }

    mutating func takeMatches(_ matches: MatchCount, generation: Int) {
        guard generation == matchesGeneration else { return }
        self.matches = matches
    }

    var selectedDetail: (any ItemDetail)? { list.selectedRow.flatMap(P.detail(for:)) }
    var selectedMemberId: String? { list.selectedRow.flatMap(P.memberId(of:)) }
    var selectedRowId: String? { list.selectedRow?.rowId }
    var selectedRefusal: String? { list.selectedRow.flatMap(P.decisionRefusal) }
    var copyText: String? { P.copyText(self) }

    func selectedDecision(_ verb: ActionVerb) -> PendingAction? {
        list.selectedRow.flatMap { P.decision(on: $0, verb) }
    }

    mutating func move(by delta: Int, height: Int) -> (WindowRequest, SelectionHint)? {
        list.move(by: delta, height: height)
    }

    func refreshRequest() -> (WindowRequest, SelectionHint) { list.refreshRequest() }

    mutating func nextGeneration() -> Int {
        list.generation += 1
        return list.generation
    }

    mutating func apply(_ window: PaneWindow, generation: Int, select: SelectionHint, atStart: Bool) {
        guard generation == list.generation, let rows = window.rows(of: P.Row.self) else { return }
        list.apply(rows, select: select, atStart: atStart)
        if let finished = finishedAt, generation > finished.window { loadedInFull() }
    }

    mutating func listProgressed(_ progress: LoadProgress?) {
        if let progress {
            self.progress = progress
            finishedAt = nil
        } else if self.progress != nil, finishedAt == nil {
            finishedAt = Generations(window: list.generation, summary: P.summaryGeneration(self))
        }
    }

    mutating func summaryLoaded(generation: Int) {
        if let finished = finishedAt?.summary, generation > finished { loadedInFull() }
    }

    private mutating func loadedInFull() {
        progress = nil
        finishedAt = nil
    }

    mutating func clearRows() {
        list.rows = []
        list.selected = 0
        list.loaded = false
        list.atStart = true
    }

    func isStale(now: Date) -> Bool { P.isStale(self, now: now) }

    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        P.render(self, state, into: &buffer, y: y, height: height)
    }

    func messageLine(_ state: AppState) -> String? { P.messageLine(self, state) }

    func isEqual(to other: any AnyPaneState) -> Bool { (other as? Self) == self }
}

/// The generation of a pane's window, and of its summary if it has one.
struct Generations: Sendable, Hashable {
    var window: Int
    var summary: Int?
}

/// How far a list has come into the mirror while it bootstraps.
struct LoadProgress: Sendable, Hashable {
    var loaded: Int
    /// From the feed head's counts, when the platform gives them.
    var expected: Int?

    init(loaded: Int, expected: Int? = nil) { self.loaded = loaded; self.expected = expected }

    /// "Loading… 340,000 of ~1,000,000", or "Loading… 340,000 so far".
    var text: String {
        if loaded == 0 { return "Loading…" + (expected.map { " 0 of ~\(Format.points($0))" } ?? "") }
        let total = expected.map { " of ~\(Format.points($0))" } ?? " so far"
        return "Loading… \(Format.points(loaded))\(total)"
    }

    /// A filter that matches none of the rows loaded so far: not "no match" yet.
    var noMatchYetText: String {
        let total = expected.map { " of ~\(Format.points($0))" } ?? ""
        return "Nothing matches in the \(Format.points(loaded))\(total) loaded so far; still loading…"
    }
}
