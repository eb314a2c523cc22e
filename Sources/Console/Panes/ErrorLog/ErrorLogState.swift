import Foundation
import Mirror

/// Where the Error log pane stands: the summary of codes, one code's failures, or one failure.
enum ErrorLogMode: Sendable, Hashable {
    case groups
    case rows
    case detail
}

/// What the Error log keeps beyond its filter (`ErrorLogFilter`: source, code, status,
/// retryable) and its window of failures: the drill-down level and the grouped summary.
/// Holds at most one group per code (capped).
struct ErrorLogState: Sendable, Hashable {
    /// Groups beyond this many codes are cut (the least active), so a server that invents
    /// codes cannot grow the console's memory.
    static let groupLimit = 500
    /// The sparkline is redrawn at least this often, so its hours keep up with the clock.
    static let groupsMaxAge: TimeInterval = 60
    /// A busy feed asks for a refresh every tick; the grouped query (a pass over an index of
    /// the whole log) runs at most this often for it, the last change caught up afterwards.
    static let groupsMinInterval: TimeInterval = 2

    var mode: ErrorLogMode = .groups
    var groups: [ErrorGroup] = []
    var groupsTruncated = false
    var groupsLoaded = false
    var selectedGroup = 0
    /// Bumped for every grouped query; an older answer is dropped.
    var groupsGeneration = 0
    /// The `now` of the last grouped query asked for (the end of its hourly buckets).
    var groupsRequestedAt: Date?
    /// A refresh was held back by `groupsMinInterval` and is still owed.
    var groupsRefreshOwed = false
    /// First line of the detail view shown (it scrolls when the details are long).
    var detailScroll = 0

    var selectedGroupRow: ErrorGroup? {
        groups.indices.contains(selectedGroup) ? groups[selectedGroup] : nil
    }
}

extension ErrorLogFilter {
    /// The filter of the grouped summary: every code, no text.
    var everyCode: ErrorLogFilter {
        var filter = self
        filter.code = nil
        filter.text = ""
        return filter
    }
}
