import Foundation
import GRDB
import RewardsContract

/// One page of a bootstrap list, typed by its list.
public enum BootstrapRows: Sendable {
    case members([Member])
    case redemptions([Redemption])
    case reviews([Review])
    case requestLogs([RequestLog])

    public var kind: ObjectKind {
        switch self {
        case .members: return .member
        case .redemptions: return .redemption
        case .reviews: return .review
        case .requestLogs: return .requestLog
        }
    }

    public var count: Int {
        switch self {
        case .members(let rows): return rows.count
        case .redemptions(let rows): return rows.count
        case .reviews(let rows): return rows.count
        case .requestLogs(let rows): return rows.count
        }
    }

    /// The page's ids, in the order they came.
    public var ids: [String] {
        switch self {
        case .members(let rows): return rows.map(\.id)
        case .redemptions(let rows): return rows.map(\.id)
        case .reviews(let rows): return rows.map(\.id)
        case .requestLogs(let rows): return rows.map(\.id)
        }
    }

    public var lastId: String? {
        switch self {
        case .members(let rows): return rows.last?.id
        case .redemptions(let rows): return rows.last?.id
        case .reviews(let rows): return rows.last?.id
        case .requestLogs(let rows): return rows.last?.id
        }
    }
}

/// Where one list of a bootstrap stands: resumed from `cursor` after a restart.
public struct BootstrapListState: Sendable, Hashable {
    public var cursor: String?
    public var lastId: String?
    /// Rows this pass has written to the list so far.
    public var rows: Int
    public var done: Bool

    public init(cursor: String? = nil, lastId: String? = nil, rows: Int = 0, done: Bool = false) {
        self.cursor = cursor
        self.lastId = lastId
        self.rows = rows
        self.done = done
    }
}

/// A bootstrap under way: the head it follows the feed from afterwards, the server's counts
/// when it began (a hint for progress), and each list's state.
public struct BootstrapPass: Sendable, Hashable {
    public var head: String
    public var counts: ListCounts?
    /// The mirror held rows when the pass began: they stay until it ends, and rows the server no
    /// longer has go then.
    public var replacesRows: Bool
    public var lists: [ObjectKind: BootstrapListState]
}

extension MirrorStore {
    /// The bootstrap under way (begun and not completed), or nil.
    public func bootstrapPass() async throws -> BootstrapPass? {
        try await pool.read { db in try Self.bootstrapPass(db) }
    }

    /// The synchronous form, for the console's first frame (a few rows of sync state).
    public func bootstrapPass() throws -> BootstrapPass? {
        try pool.read { db in try Self.bootstrapPass(db) }
    }

    /// Starts a bootstrap at `head`: the cursor is cleared until every list is read. When the
    /// mirror already holds rows (a re-bootstrap after `410`), they stay browsable through the
    /// pass; the search index is emptied, to be built again after it.
    public func beginBootstrap(head: String, counts: ListCounts? = nil) async throws -> BootstrapPass {
        try await pool.write { db in try Self.beginBootstrap(db, head: head, counts: counts) }
    }

    public func beginBootstrap(head: String, counts: ListCounts? = nil) throws {
        _ = try pool.write { db in try Self.beginBootstrap(db, head: head, counts: counts) }
    }

    /// Stores one page of a bootstrap list and the list's progress in one transaction; returns
    /// the rows written (tombstoned ids are skipped).
    ///
    /// Lists come in id order, so the page covers the ids from just after `previousLastId` to its
    /// own last id (to the end after the last page). A row the mirror has in that range that the
    /// page lacks is gone from the server: it is noted and removed when the pass completes.
    public func applyBootstrapPage(_ rows: BootstrapRows, previousLastId: String?, nextCursor: String?,
                                   isLast: Bool) async throws -> Int {
        try await pool.write { db in
            try Self.writeBootstrapPage(db, rows, previousLastId: previousLastId, nextCursor: nextCursor, isLast: isLast)
        }
    }

    /// The synchronous form, for fixtures built outside async code.
    public func applyBootstrapPage<Object>(_ rows: [Object], previousLastId: String?, nextCursor: String?,
                                           isLast: Bool) throws where Object: Sendable {
        let page: BootstrapRows
        if let members = rows as? [Member] { page = .members(members) }
        else if let redemptions = rows as? [Redemption] { page = .redemptions(redemptions) }
        else if let reviews = rows as? [Review] { page = .reviews(reviews) }
        else if let logs = rows as? [RequestLog] { page = .requestLogs(logs) }
        else { return }
        _ = try pool.write { db in
            try Self.writeBootstrapPage(db, page, previousLastId: previousLastId, nextCursor: nextCursor, isLast: isLast)
        }
    }

    /// Ends a bootstrap: rows the server no longer has go, and the feed is followed from the
    /// head read before the first list page. Returns the rows removed.
    @discardableResult
    public func completeBootstrap(at now: Date = Date()) async throws -> Int {
        try await pool.write { db in try Self.completeBootstrap(db, at: now) }
    }

    @discardableResult
    public func completeBootstrap(at now: Date = Date()) throws -> Int {
        try pool.write { db in try Self.completeBootstrap(db, at: now) }
    }

    // MARK: In a transaction

    static func bootstrapPass(_ db: Database) throws -> BootstrapPass? {
        guard let head = try state(db, SyncStateKey.bootstrapHead) else { return nil }
        let counts = try state(db, SyncStateKey.bootstrapCounts)
            .flatMap { try? JSONDecoder().decode(ListCounts.self, from: Data($0.utf8)) }
        var lists: [ObjectKind: BootstrapListState] = [:]
        var replaces = false
        for kind in ObjectKind.allCases {
            lists[kind] = BootstrapListState(progress: try state(db, SyncStateKey.bootstrapList(kind)))
            if try state(db, SyncStateKey.bootstrapSweep(kind)) != nil { replaces = true }
        }
        return BootstrapPass(head: head, counts: counts, replacesRows: replaces, lists: lists)
    }

    static func beginBootstrap(_ db: Database, head: String, counts: ListCounts?) throws -> BootstrapPass {
        try setState(db, SyncStateKey.bootstrapHead, head)
        try setState(db, SyncStateKey.bootstrapCounts,
                     counts.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) })
        try db.execute(sql: "DELETE FROM bootstrap_stale")
        for kind in ObjectKind.allCases {
            try setState(db, SyncStateKey.bootstrapList(kind), nil)
            // A list that starts empty has nothing to sweep: its pages skip the comparison.
            let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(kind.table))") ?? false
            try setState(db, SyncStateKey.bootstrapSweep(kind), hasRows ? "1" : nil)
            if kind == .member && hasRows { try MemberSearchIndex.reset(db) }
            if kind == .requestLog { try RequestLogSearchIndex.resetForBootstrap(db) }
        }
        guard let pass = try bootstrapPass(db) else { throw DatabaseError(message: "the bootstrap did not begin") }
        return pass
    }

    static func writeBootstrapPage(_ db: Database, _ page: BootstrapRows, previousLastId: String?, nextCursor: String?,
                                   isLast: Bool) throws -> Int {
        let kind = page.kind
        let sweep = try state(db, SyncStateKey.bootstrapSweep(kind)) != nil
        let before = BootstrapListState(progress: try state(db, SyncStateKey.bootstrapList(kind)))
        let firstPage = before.cursor == nil && before.lastId == nil && before.rows == 0 && !before.done
        if firstPage && !sweep { try BootstrapIndexes.defer(db, kind: kind) }
        if sweep { try ItemHistory.recordBeforePage(db, page) }
        let written: Int
        switch page {
        case .members(let rows): written = try writeRows(db, rows)
        case .redemptions(let rows): written = try writeRows(db, rows)
        case .reviews(let rows): written = try writeRows(db, rows)
        case .requestLogs(let rows): written = try writeRows(db, rows)
        }
        // A fresh list needs no ids: nothing of it can have gone from the server.
        let ids = sweep ? page.ids : []
        if sweep {
            // Only a list that had rows can have changed them; a fresh one has no history to add to.
            if let low = ids.min(), let high = ids.max() { try ItemHistory.recordPage(db, kind: kind, low: low, high: high) }
            try noteStaleRows(db, kind: kind, pageIds: ids, after: previousLastId, through: isLast ? nil : page.lastId,
                              emptyMiddlePage: !isLast && ids.isEmpty)
        }
        if isLast { try BootstrapIndexes.restore(db, kind: kind) }
        let after = BootstrapListState(cursor: nextCursor, lastId: page.lastId ?? previousLastId,
                                       rows: before.rows + written, done: isLast)
        try setState(db, SyncStateKey.bootstrapList(kind), after.progressText)
        return written
    }

    /// Rows a bulk insert statement carries: 64 × 15 members' columns stay far below SQLite's
    /// limit of 32,766 parameters.
    static let bulkRowsPerStep = 64

    /// Inserts a page's rows with statements prepared once a page; the tombstones of the page's id
    /// range are read once, not per row. Returns how many rows were written.
    private static func writeRows<Object: MirroredObject>(_ db: Database, _ rows: [Object]) throws -> Int {
        guard let first = rows.first else { return 0 }
        var low = first.id, high = first.id
        for row in rows {
            if IdOrder.precedes(row.id, low) { low = row.id }
            if IdOrder.precedes(high, row.id) { high = row.id }
        }
        var tombstones: [String: Int] = [:]
        let dead = try Row.fetchCursor(db, sql: "SELECT id, version FROM tombstones WHERE id BETWEEN ? AND ?",
                                       arguments: [low, high])
        while let row = try dead.next() { tombstones[row[0]] = row[1] }
        // Most pages have no tombstone in their range: their rows are written as they came, not
        // copied (a copy of a member retains each of its strings).
        let kept = tombstones.isEmpty ? rows : rows.filter { row in
            tombstones[row.id].map { row.version > $0 } ?? true
        }
        let single = try BulkStatement(db, sql: Object.replaceSQL, columnCount: Object.columns.count)
        let several = kept.count >= bulkRowsPerStep
            ? try BulkStatement(db, sql: Object.replaceSQL, columnCount: Object.columns.count, rowsPerStep: bulkRowsPerStep)
            : nil
        var start = kept.startIndex
        while start < kept.endIndex {
            if let several, kept.endIndex - start >= bulkRowsPerStep {
                try several.run(kept[start..<(start + bulkRowsPerStep)])
                start += bulkRowsPerStep
            } else {
                try single.run(kept[start])
                start += 1
            }
        }
        // Only an index that already covers an id (one migrated mid-bootstrap) costs anything here.
        let indexes = try SearchIndexes(db)
        if indexes.mayCover(Object.objectKind) {
            for row in kept { try indexes.reindex(db, Object.objectKind, id: row.id) }
        }
        return kept.count
    }

    /// Notes the rows of `(after, through]` (`through` nil: to the end) that the page lacks.
    private static func noteStaleRows(_ db: Database, kind: ObjectKind, pageIds: [String], after: String?,
                                      through: String?, emptyMiddlePage: Bool) throws {
        if emptyMiddlePage { return }
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let after { conditions.append("id > ?"); arguments.append(after) }
        if let through { conditions.append("id <= ?"); arguments.append(through) }
        let sql = "SELECT id FROM \(kind.table)" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        let present = Set(pageIds)
        let note = try db.cachedStatement(sql: "INSERT OR IGNORE INTO bootstrap_stale (kind, id) VALUES (?, ?)")
        let cursor = try String.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        var stale: [String] = []
        while let id = try cursor.next() {
            if !present.contains(id) { stale.append(id) }
        }
        for id in stale { try note.execute(arguments: [kind.rawValue, id]) }
    }

    static func completeBootstrap(_ db: Database, at now: Date) throws -> Int {
        for kind in ObjectKind.allCases { try BootstrapIndexes.restore(db, kind: kind) }
        var removed = 0
        let stale = try Row.fetchAll(db, sql: "SELECT kind, id FROM bootstrap_stale")
        for row in stale {
            guard let kind = ObjectKind(rawValue: row[0]) else { continue }
            try purgeRows(db, kind: kind, id: row[1])
            removed += 1
        }
        try db.execute(sql: "DELETE FROM bootstrap_stale")
        let head = try state(db, SyncStateKey.bootstrapHead)
        try setState(db, SyncStateKey.cursor, head)
        try setState(db, SyncStateKey.bootstrapHead, nil)
        try setState(db, SyncStateKey.bootstrapCounts, nil)
        for kind in ObjectKind.allCases { try setState(db, SyncStateKey.bootstrapSweep(kind), nil) }
        try setState(db, SyncStateKey.bootstrapCompletedAt, RFC3339.format(now))
        try setState(db, SyncStateKey.lastSyncAt, RFC3339.format(now))
        return removed
    }
}

extension BootstrapListState {
    /// Reads the stored progress: the cursor, last id, rows and "done" on four lines (a mirror
    /// written before rows were kept has two lines, or "done" alone).
    init(progress text: String?) {
        guard let text else { self.init(cursor: nil, lastId: nil, rows: 0, done: false); return }
        if text == "done" { self.init(cursor: nil, lastId: nil, rows: 0, done: true); return }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func part(_ index: Int) -> String? { parts.count > index && !parts[index].isEmpty ? parts[index] : nil }
        self.init(cursor: part(0), lastId: part(1), rows: part(2).flatMap { Int($0) } ?? 0, done: part(3) == "done")
    }

    var progressText: String {
        [cursor ?? "", lastId ?? "", String(rows), done ? "done" : ""].joined(separator: "\n")
    }
}
