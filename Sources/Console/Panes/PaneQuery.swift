import Mirror

/// The filter of a pane's window, as `Command.loadWindow` carries it: compared by value (so
/// tests assert on it) and able to run its pane's keyset seeks off the UI thread.
public struct PaneQuery: Sendable, Hashable, CustomStringConvertible {
    public let pane: PaneID
    private let filter: any Sendable & Hashable
    private let seek: @Sendable (MirrorStore, WindowRequest, Int) throws -> (PaneWindow, atStart: Bool)
    private let firstRows: @Sendable (MirrorStore, Int) throws -> Int

    init<P: Pane>(_ pane: P.Type, _ filter: P.Filter) {
        self.pane = P.id
        self.filter = filter
        seek = { mirror, request, limit in
            let fetch = { try P.window(mirror, filter, anchor: $0, limit: $1) }
            let rows = try WindowSeeks.window(request, limit, fetch: fetch)
            return (PaneWindow(rows), try WindowSeeks.isAtStart(rows, fetch: fetch))
        }
        firstRows = { mirror, limit in try P.window(mirror, filter, anchor: .first, limit: limit).count }
    }

    /// The filter, when it is of this type.
    public func filter<Filter>(as type: Filter.Type) -> Filter? { filter as? Filter }

    /// The rows of `request` and whether the window starts at the pane's first row.
    func window(in mirror: MirrorStore, _ request: WindowRequest, limit: Int) throws -> (PaneWindow, atStart: Bool) {
        try seek(mirror, request, limit)
    }

    /// How many rows the filter matches, reading at most `limit` of them (one keyset seek, the
    /// pane's own query): a bounded count, `more` when there are others past the limit.
    func countMatches(in mirror: MirrorStore, limit: Int) throws -> MatchCount {
        let read = try firstRows(mirror, limit + 1)
        return MatchCount(count: min(read, limit), more: read > limit)
    }

    public var description: String { "\(pane)(\(filter))" }

    public static func == (lhs: PaneQuery, rhs: PaneQuery) -> Bool {
        lhs.pane == rhs.pane && lhs.filter.isEqual(to: rhs.filter)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pane)
        filter.hash(into: &hasher)
    }
}

/// The rows of one loaded window, whichever pane they belong to.
public struct PaneWindow: Sendable {
    /// The rows' ids, to look their outbox entries up.
    public let ids: [String]
    private let rows: any Sendable

    init<Row: PaneRow>(_ rows: [WindowRow<Row>]) {
        self.ids = rows.map(\.object.rowId)
        self.rows = rows
    }

    func rows<Row: PaneRow>(of type: Row.Type) -> [WindowRow<Row>]? { rows as? [WindowRow<Row>] }
}

extension Hashable {
    fileprivate func isEqual(to other: any Hashable) -> Bool { (other as? Self) == self }
}
