import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// Where the mirror stands against the platform, as the status line shows it.
public enum SyncStatus: Sendable, Hashable {
    case starting
    case bootstrapping(kind: String, rows: Int)
    case catchingUp(entries: Int)
    case live(since: Date)
    case offline(since: Date, code: String)
    case failed(code: String, message: String)
}

/// What the engine tells whoever runs it (the console, the `sync` command).
public enum SyncEvent: Sendable {
    case identity(Me)
    case status(SyncStatus)
    case applied(AppliedChanges)
    case bootstrapped(rows: Int)
    /// A bootstrap page landed: the list, rows so far, and the last id read (lists come in id
    /// order, so where that id falls in the id space estimates how far the list has got).
    case bootstrapPage(kind: String, rows: Int, lastId: String?)
    /// How a bootstrap and the search index advance: see `SyncProgress`.
    case progress(SyncProgress)
    case outboxDelivered(OutboxEntry)
    case outboxFailed(OutboxEntry)
    case error(PlatformError)
}

public typealias SyncEventHandler = @Sendable (SyncEvent) -> Void

/// The progress events of a bootstrap and of the search index build, in the order they come:
///
/// 1. `passStarted` once per pass (also when a killed pass resumes): the lists in the order they
///    are read (the review queue first; members last, beside the queue's lists once the
///    queue's first page is in: `list` events of two lists interleave), each list's total when the server sent
///    `counts` with the feed head, and whether the pass replaces rows the mirror already shows.
/// 2. `list` after each committed page: the rows of that list so far (browsable at once), its
///    total when known, its rate, and an ETA only when there is a total.
/// 3. `listFinished` when a list is read in full: its pane is complete (before that it is
///    loading, never empty).
/// 4. `passEnded` when every list is read: rows the server no longer has are gone now (a
///    re-bootstrap keeps the old rows on screen until this moment), and the feed takes over.
/// 5. `searchIndex`: `deferred` when `sync --once` ends with members not yet in the index
///    (searched by a scan until a later run builds it), `building` after each chunk of the build,
///    `ready` at its end. Until `ready`, a member filter searches the indexed members and scans
///    the rest.
/// 6. `requestLogIndex`: the same three steps for the request logs' search index, built after
///    the members' one. Until `ready`, a request log search reads the indexed logs and scans
///    the rest.
///
/// Both indexes are built after a pass, never during it: a `sync --once` that bootstrapped
/// ends with `deferred` for each, and a continuous `sync` or the console builds them between
/// feed reads.
public enum SyncProgress: Sendable, Hashable {
    case passStarted(BootstrapPassInfo)
    case list(ListProgress)
    case listFinished(kind: ObjectKind, rows: Int)
    case passEnded(rows: Int, removed: Int, replacedRows: Bool)
    case searchIndex(SearchIndexStatus)
    case requestLogIndex(RequestLogIndexStatus)
}

public struct BootstrapPassInfo: Sendable, Hashable {
    /// The lists in the order they are read.
    public var order: [ObjectKind]
    /// Rows per list when the pass began, from the feed head's `counts` (a hint: absent when the
    /// server does not send it, and a list may have grown since).
    public var totals: [ObjectKind: Int]
    /// The mirror already held rows: they stay browsable until the pass ends (a re-bootstrap
    /// after `410 cursor_expired` or a new feed epoch).
    public var replacesRows: Bool
    /// A pass begun by an earlier run (killed or stopped) and resumed where it stopped.
    public var resumed: Bool
}

public struct ListProgress: Sendable, Hashable {
    public var kind: ObjectKind
    /// Rows of this list written by the pass so far (including before a resume).
    public var rows: Int
    /// The list's size from the feed head's counts, when the server sent it.
    public var total: Int?
    /// Rows per second of this list in this run.
    public var rowsPerSecond: Double
    /// Seconds left at that rate; nil without a total (no invented ETA) or once past it.
    public var etaSeconds: Double?

    public init(kind: ObjectKind, rows: Int, total: Int?, rowsPerSecond: Double) {
        self.kind = kind
        self.rows = rows
        self.total = total
        self.rowsPerSecond = rowsPerSecond
        if let total, total > rows, rowsPerSecond > 0 {
            etaSeconds = Double(total - rows) / rowsPerSecond
        } else {
            etaSeconds = nil
        }
    }
}

public enum SearchIndexStatus: Sendable, Hashable {
    /// `sync --once` left the index build to the next run (`rewards-ops sync` or the console):
    /// `unindexed` members are found by a scan until then.
    case deferred(unindexed: Int)
    /// A chunk of the build is committed: `indexed` of about `members`.
    case building(indexed: Int, members: Int)
    case ready(members: Int, seconds: Double)
}

/// The request logs' search index, as `SearchIndexStatus` is the members'.
public enum RequestLogIndexStatus: Sendable, Hashable {
    /// `sync --once` left the build to the next run: `unindexed` logs are found by a scan until then.
    case deferred(unindexed: Int)
    /// A chunk of the build is committed: `indexed` of about `logs`.
    case building(indexed: Int, logs: Int)
    case ready(logs: Int, seconds: Double)
}
