import Foundation
import Mirror
import RewardsContract
import Terminal

/// One pane of the console, described once: its row type, filter and mirror query, its
/// columns, what it says while empty or loading, and the actions it adds. The generic table
/// (`PaneState`, `TableView`, `Update`'s moves and loads) does the rest, so a pane is one
/// folder under Panes/ plus its line in `PaneTable.all`.
protocol Pane: Sendable {
    associatedtype Row: PaneRow
    associatedtype Filter: Sendable & Hashable
    /// What the pane keeps beyond its window and filter (the Error log's summary).
    associatedtype Extra: Sendable & Hashable = NoExtra

    static var id: PaneID { get }
    static var title: String { get }
    /// The action that shows this pane (its number key).
    static var showAction: ActionID { get }
    /// The tab's title where the full one does not fit (80 columns); the title by default.
    static var shortTitle: String { get }
    static var initialFilter: Filter { get }
    static var initialExtra: Extra { get }

    // MARK: The query (run off the UI thread)

    /// One keyset seek of the pane's rows.
    static func window(_ mirror: MirrorStore, _ filter: Filter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<Row>]
    /// The number on the pane's tab.
    static func count(_ counts: MirrorCounts) -> Int
    /// When the filter narrows what the tab's number counts, the filter whose rows are those
    /// matches (the review queue's tab counts open and escalated reviews, so its text filter's
    /// matches are counted among those): the tab then says "12 of 1,878". Nil: the filter does
    /// not narrow them, and the tab shows its plain count.
    static func countedMatches(_ filter: Filter) -> Filter?
    /// The list whose bootstrap fills the rows this filter shows; nil when no bootstrap does
    /// (the Error log's own failed calls). Until that list is read in full the pane is loading.
    static func bootstrapList(for filter: Filter) -> ObjectKind?

    // MARK: The table

    static func columns(_ rows: [Row], _ pane: PaneState<Self>, _ state: AppState) -> [Column<Row>]
    /// What an empty, loaded window says.
    static func emptyText(_ pane: PaneState<Self>) -> String
    /// What the pane says before its rows are there: while its list is still loading (`progress`
    /// set, #14) an empty window is not "empty" but "loading… N so far".
    static func loadingText(_ progress: LoadProgress?) -> String
    /// The pane below the tab bar; the table unless the pane draws something else.
    static func render(_ pane: PaneState<Self>, _ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int)
    /// The generation of the summary the pane draws instead of its window (the Error log's codes),
    /// for `summaryLoaded`; nil: the pane has none.
    static func summaryGeneration(_ pane: PaneState<Self>) -> Int?
    /// The line above the status bar when nothing else is shown there.
    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String?

    // MARK: Actions

    /// The text `/` edits; nil: the pane has no text filter.
    static var textFilter: WritableKeyPath<Filter, String>? { get }
    /// The text filter changed (typed into, or cleared); nil: the window reloads from the top.
    static func textFilterChanged(_ state: inout AppState) -> [Command]?
    /// Enter closed the `/` prompt, the text kept; nil: nothing more happens.
    static func textFilterAccepted(_ state: inout AppState) -> [Command]?
    /// The pane's own actions (and the ones it takes over), run before the common handling;
    /// nil lets the common handling run.
    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]?
    /// What a refresh loads when it is not the row window (the Error log's summary); nil: the window.
    static func refresh(_ state: inout AppState) -> [Command]?
    /// A move of the selection by `delta` rows when the pane moves something other than its
    /// window (the Error log's summary); nil: the window's selection moves.
    static func move(by delta: Int, _ state: inout AppState) -> [Command]?
    /// The pane needs a refresh though the mirror did not change (a clock-bound summary).
    static func isStale(_ pane: PaneState<Self>, now: Date) -> Bool
    /// The approve or escalate the selected row stands for; nil: rows here are not decided.
    static func decision(on row: Row, _ verb: ActionVerb) -> PendingAction?
    /// Why a row cannot be decided any more, when it cannot.
    static func decisionRefusal(_ row: Row) -> String?
    /// The view Enter opens over the panes for a row; nil: none.
    static func detail(for row: Row) -> (any ItemDetail)?
    /// The member a row is about (`m` opens it); nil: none.
    static func memberId(of row: Row) -> String?
    /// What `y` copies: the selected row's id unless the pane says otherwise.
    static func copyText(_ pane: PaneState<Self>) -> String?
}

/// A pane that keeps nothing beyond its window and filter.
struct NoExtra: Sendable, Hashable {
    init() {}
}

extension Pane where Extra == NoExtra {
    static var initialExtra: NoExtra { NoExtra() }
}

extension Pane {
    static var shortTitle: String { title }
    static func countedMatches(_ filter: Filter) -> Filter? { filter == initialFilter ? nil : filter }

    static func loadingText(_ progress: LoadProgress?) -> String {
        progress.map(\.text) ?? "Loading…"
    }

    static func render(_ pane: PaneState<Self>, _ state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        pane.renderTable(state, into: &buffer, y: y, height: height)
    }

    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? { nil }
    static func summaryGeneration(_ pane: PaneState<Self>) -> Int? { nil }
    static var textFilter: WritableKeyPath<Filter, String>? { nil }
    static func textFilterChanged(_ state: inout AppState) -> [Command]? { nil }
    static func textFilterAccepted(_ state: inout AppState) -> [Command]? { nil }
    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]? { nil }
    static func refresh(_ state: inout AppState) -> [Command]? { nil }
    static func move(by delta: Int, _ state: inout AppState) -> [Command]? { nil }
    static func isStale(_ pane: PaneState<Self>, now: Date) -> Bool { false }
    static func decision(on row: Row, _ verb: ActionVerb) -> PendingAction? { nil }
    static func decisionRefusal(_ row: Row) -> String? { nil }
    static func detail(for row: Row) -> (any ItemDetail)? { nil }
    static func memberId(of row: Row) -> String? { nil }
    static func copyText(_ pane: PaneState<Self>) -> String? { pane.list.selectedRow?.rowId }
}

/// A row a pane can select and keep selected across refreshes.
protocol PaneRow: Sendable, Hashable {
    var rowId: String { get }
}

/// A row an operator can approve or escalate: its version goes with the decision.
protocol DecidableRow: PaneRow {
    var rowVersion: Int { get }
}
