import Foundation
import Mirror

/// Where the Error log pane stands: the summary of codes, one code's failures, or one failure.
public enum ErrorLogMode: Sendable, Hashable {
    case groups
    case rows
    case detail
}

/// The Error log pane beyond its row window (`AppState.errors`): source, filters, the grouped
/// summary and the drill-down. Holds at most one group per code (capped) and one window.
public struct ErrorLogState: Sendable, Hashable {
    /// Groups beyond this many codes are cut (the least active), so a server that invents
    /// codes cannot grow the console's memory.
    public static let groupLimit = 500
    /// The sparkline is redrawn at least this often, so its hours keep up with the clock.
    public static let groupsMaxAge: TimeInterval = 60
    /// A busy feed asks for a refresh every tick; the grouped query (a pass over an index of
    /// the whole log) runs at most this often for it, the last change caught up afterwards.
    public static let groupsMinInterval: TimeInterval = 2

    public var mode: ErrorLogMode = .groups
    public var source: ErrorSource = .platform
    public var status: HTTPStatusFilter = .any
    /// nil: retryable or not.
    public var retryable: Bool?
    /// The code drilled into (rows and detail modes).
    public var code: String?

    public var groups: [ErrorGroup] = []
    public var groupsTruncated = false
    public var groupsLoaded = false
    public var selectedGroup = 0
    /// Bumped for every grouped query; an older answer is dropped.
    public var groupsGeneration = 0
    /// The `now` of the last grouped query asked for (the end of its hourly buckets).
    public var groupsRequestedAt: Date?
    /// A refresh was held back by `groupsMinInterval` and is still owed.
    public var groupsRefreshOwed = false
    /// First line of the detail view shown (it scrolls when the details are long).
    public var detailScroll = 0

    public init() {}

    public var selectedGroupRow: ErrorGroup? {
        groups.indices.contains(selectedGroup) ? groups[selectedGroup] : nil
    }

    /// The filter of the grouped summary: every code.
    public var groupFilter: ErrorLogFilter {
        ErrorLogFilter(source: source, code: nil, status: status, retryable: retryable)
    }

    /// The filter of the drill-down window: the chosen code.
    public var rowFilter: ErrorLogFilter {
        ErrorLogFilter(source: source, code: code, status: status, retryable: retryable)
    }
}
