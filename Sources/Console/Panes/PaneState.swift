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

    init() {}

    /// The query behind the window, as a command carries it.
    var query: PaneQuery { PaneQuery(P.self, filter) }

    /// What the table shows when it has no row.
    var placeholder: String {
        list.loaded && progress == nil ? P.emptyText(self) : P.loadingText(progress)
    }

    /// The generic table: the pane's columns over the window, the selection highlighted.
    func renderTable(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let rows = list.rows.map(\.object)
        TableView.render(into: &buffer, columns: P.columns(rows, self, state), rows: rows, selected: list.selected,
                         x: 0, y: y, width: state.columns, height: height, emptyText: placeholder)
    }
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

/// How far a list has come into the mirror while it bootstraps.
struct LoadProgress: Sendable, Hashable {
    var loaded: Int
    /// From the feed head's counts, when the platform gives them.
    var expected: Int?

    init(loaded: Int, expected: Int? = nil) { self.loaded = loaded; self.expected = expected }

    /// "Loading… 340,000 of ~1,000,000", or "Loading… 340,000 so far".
    var text: String {
        let total = expected.map { " of ~\(Format.points($0))" } ?? " so far"
        return "Loading… \(Format.points(loaded))\(total)"
    }
}
