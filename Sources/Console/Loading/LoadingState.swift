import Foundation
import Mirror
import RewardsContract
import SyncEngine

/// How far the mirror is from holding every list (issue #14), as the console shows it: the
/// lists a bootstrap has not finished yet, whether the rows on screen are an older pass's, and
/// where the members' search index stands. `SyncProgress` events move it; a session starts
/// from what the mirror itself records (`LoadingState.read(from:)`).
public struct LoadingState: Sendable, Hashable {
    /// The lists still being read, by kind. A list missing here is complete (or never bootstrapped
    /// by this pass): its pane may say it is empty.
    public var lists: [ObjectKind: ListLoad] = [:]
    /// The order the lists are read in (the first unfinished one is the one loading now).
    public var order: [ObjectKind] = SyncEngine.bootstrapOrder
    /// The pass replaces rows the mirror already held: what is on screen is the old pass's until it ends.
    public var stale = false
    public var searchIndex: SearchIndexView = .ready
    /// The request logs' search index, the same way (an Error log search scans the rest meanwhile).
    public var requestLogIndex: SearchIndexView = .ready

    public init() {}

    /// Some list is still being read.
    public var isLoading: Bool { !lists.isEmpty }

    /// The list being read now: the first unfinished one in reading order.
    public var current: ObjectKind? { order.first { lists[$0] != nil } }

    public func progress(of kind: ObjectKind) -> ListLoad? { lists[kind] }
}

/// One list's bootstrap as far as it has come.
public struct ListLoad: Sendable, Hashable {
    /// Rows of this list written by the pass so far.
    public var rows: Int
    /// Rows the platform said the list held when the pass began (`counts` of the feed head).
    public var total: Int?
    /// Rows per second, from the engine; 0 before the list's first page.
    public var rowsPerSecond: Double
    /// Seconds left at that rate; only with a total (never an invented ETA).
    public var etaSeconds: Double?

    public init(rows: Int = 0, total: Int? = nil, rowsPerSecond: Double = 0, etaSeconds: Double? = nil) {
        self.rows = rows
        self.total = total
        self.rowsPerSecond = rowsPerSecond
        self.etaSeconds = etaSeconds
    }

    /// What a pane's placeholder says about it.
    var paneProgress: LoadProgress { LoadProgress(loaded: rows, expected: total) }
}

/// Where a search index stands (the members' or the request logs'), for what a filter says
/// it searched.
public enum SearchIndexView: Sendable, Hashable {
    /// Every row is indexed.
    case ready
    /// Not built yet (after a bootstrap, before its build starts): a filter scans.
    case pending
    /// Being built: `indexed` of about `members` (rows), the rest found by a scan. Counts are
    /// nil when only the mirror's watermark is known (a session started in the middle of a build).
    case building(indexed: Int?, members: Int?)

    init(_ state: SearchIndexState) {
        self = state.ready ? .ready : state.indexedThrough == nil ? .pending : .building(indexed: nil, members: nil)
    }
}

extension LoadingState {
    /// Takes one progress event of the engine.
    mutating func apply(_ progress: SyncProgress) {
        switch progress {
        case .passStarted(let pass):
            order = pass.order
            stale = pass.replacesRows
            searchIndex = .pending
            requestLogIndex = .pending
            // A resumed pass skips the lists it already finished; this session read which
            // those are from the mirror when it started, so only the others load.
            let loading = pass.resumed && !lists.isEmpty ? Set(lists.keys) : Set(pass.order)
            lists = [:]
            for kind in pass.order where loading.contains(kind) {
                lists[kind] = ListLoad(rows: 0, total: pass.totals[kind])
            }
        case .list(let list):
            lists[list.kind] = ListLoad(rows: list.rows, total: list.total ?? lists[list.kind]?.total,
                                        rowsPerSecond: list.rowsPerSecond, etaSeconds: list.etaSeconds)
        case .listFinished(let kind, _):
            lists[kind] = nil
        case .passEnded:
            lists = [:]
            stale = false
        case .searchIndex(.deferred):
            searchIndex = .pending
        case .searchIndex(.building(let indexed, let members)):
            searchIndex = .building(indexed: indexed, members: members)
        case .searchIndex(.ready):
            searchIndex = .ready
        case .requestLogIndex(.deferred):
            requestLogIndex = .pending
        case .requestLogIndex(.building(let indexed, let logs)):
            requestLogIndex = .building(indexed: indexed, members: logs)
        case .requestLogIndex(.ready):
            requestLogIndex = .ready
        }
    }

    /// What the mirror records: a pass begun and not finished (its lists, rows and totals), a
    /// mirror never bootstrapped (every list still to load), the search index's state.
    static func read(from mirror: MirrorStore) -> LoadingState {
        var state = LoadingState()
        let pass = try? mirror.bootstrapPass()
        let synced = (try? mirror.cursor()) != nil
        if let pass {
            state.stale = pass.replacesRows
            for kind in state.order where pass.lists[kind]?.done != true {
                state.lists[kind] = ListLoad(rows: pass.lists[kind]?.rows ?? 0, total: pass.counts?.total(of: kind))
            }
        } else if !synced {
            for kind in state.order { state.lists[kind] = ListLoad() }
        }
        if let index = try? mirror.searchIndexState() { state.searchIndex = SearchIndexView(index) }
        if let index = try? mirror.requestLogIndexState() { state.requestLogIndex = SearchIndexView(index) }
        return state
    }
}
