import GRDB
import RewardsContract

/// How far a search index (the members' or the request logs') has got.
///
/// The index is built after a bootstrap's rows, in chunks in id order: every row whose id
/// is at or below `indexedThrough` is in it (or all of them once `ready`), and the feed keeps
/// those current. Rows past the watermark are found by a scan until a chunk reaches them.
public struct SearchIndexState: Sendable, Hashable {
    public var ready: Bool
    /// The last id in the index while it is being built; nil before the first chunk.
    public var indexedThrough: String?

    public init(ready: Bool, indexedThrough: String?) {
        self.ready = ready
        self.indexedThrough = indexedThrough
    }

    /// The rows of `table` (a mirror table keyed by `id`, of which this is the index's state)
    /// and how many of them the index covers: all when ready, else those through the watermark.
    func counts(_ db: Database, table: String) throws -> (indexed: Int, rows: Int) {
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        if ready { return (rows, rows) }
        guard let indexedThrough else { return (0, rows) }
        let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE id <= ?", arguments: [indexedThrough]) ?? 0
        return (indexed, rows)
    }

    /// Whether a row with this id must be in the index.
    func covers(_ id: String) -> Bool {
        if ready { return true }
        guard let indexedThrough else { return false }
        // Byte order, as the build's `id > ?` reads the watermark.
        return !IdOrder.precedes(indexedThrough, id)
    }

    var isEmpty: Bool { !ready && indexedThrough == nil }
}

/// What a chunk of the index build did, and how much is left.
public struct SearchIndexProgress: Sendable, Hashable {
    public var indexed: Int
    public var members: Int
    public var ready: Bool
    public init(indexed: Int, members: Int, ready: Bool) {
        self.indexed = indexed
        self.members = members
        self.ready = ready
    }
}

/// The members' search index: the trigram FTS5 table `members_search`, whose rowids come from
/// `member_keys` (members is WITHOUT ROWID). No trigger keeps it: writers call these.
enum MemberSearchIndex {
    static let readyKey = "search.ready"
    static let watermarkKey = "search.indexedThrough"

    static let textExpression = "m.name || ' ' || m.email || ' ' || m.externalRef || ' ' || m.id"

    static func state(_ db: Database) throws -> SearchIndexState {
        SearchIndexState(ready: try MirrorStore.state(db, readyKey) != nil,
                         indexedThrough: try MirrorStore.state(db, watermarkKey))
    }

    /// Puts one member (already written) into the index, or refreshes its text there. Its
    /// search rowid stays the one it got first, so a filter paging in rowid order stays stable.
    static func reindex(_ db: Database, id: String) throws {
        try db.cachedStatement(sql: "INSERT INTO member_keys (id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM member_keys WHERE id = ?)")
            .execute(arguments: [id, id])
        try db.cachedStatement(sql: "DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = ?)")
            .execute(arguments: [id])
        try db.cachedStatement(sql: """
            INSERT INTO members_search (rowid, text)
            SELECT k.rowid, \(textExpression) FROM members m JOIN member_keys k ON k.id = m.id WHERE m.id = ?
            """).execute(arguments: [id])
    }

    /// Takes a purged member out of the index.
    static func remove(_ db: Database, id: String) throws {
        try db.cachedStatement(sql: "DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = ?)")
            .execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM member_keys WHERE id = ?").execute(arguments: [id])
    }

    /// Empties the index (a re-bootstrap rewrites every member; the index is built again after it).
    static func reset(_ db: Database) throws {
        // Dropped and made again rather than emptied row by row (a million deletes).
        try db.execute(sql: """
            DELETE FROM member_keys;
            DROP TABLE members_search;
            CREATE VIRTUAL TABLE members_search USING fts5(text, tokenize = 'trigram');
            """)
        try MirrorStore.setState(db, readyKey, nil)
        try MirrorStore.setState(db, watermarkKey, nil)
    }

    /// Indexes the next `limit` members past the watermark, in one transaction with the new
    /// watermark; marks the index ready when none are left. Returns the members it indexed.
    static func buildChunk(_ db: Database, limit: Int) throws -> SearchIndexChunk {
        let current = try state(db)
        if current.ready { return SearchIndexChunk(indexed: 0, ready: true) }
        let from = current.indexedThrough ?? ""
        let last = try String.fetchOne(db, sql: "SELECT max(id) FROM (SELECT id FROM members WHERE id > ? ORDER BY id LIMIT ?)",
                                       arguments: [from, max(1, limit)])
        guard let last else {
            try MirrorStore.setState(db, readyKey, "1")
            try MirrorStore.setState(db, watermarkKey, nil)
            return SearchIndexChunk(indexed: 0, ready: true)
        }
        try db.execute(sql: "INSERT INTO member_keys (id) SELECT id FROM members WHERE id > ? AND id <= ? ORDER BY id",
                       arguments: [from, last])
        let indexed = db.changesCount
        try db.execute(sql: """
            INSERT INTO members_search (rowid, text)
            SELECT k.rowid, \(textExpression) FROM members m JOIN member_keys k ON k.id = m.id
            WHERE m.id > ? AND m.id <= ? ORDER BY m.id
            """, arguments: [from, last])
        try MirrorStore.setState(db, watermarkKey, last)
        return SearchIndexChunk(indexed: indexed, ready: false)
    }

    /// Counts what is indexed (it reads the whole members table: not for every chunk).
    static func progress(_ db: Database) throws -> SearchIndexProgress {
        let current = try state(db)
        let counts = try current.counts(db, table: "members")
        return SearchIndexProgress(indexed: counts.indexed, members: counts.rows, ready: current.ready)
    }
}

/// One chunk of the index build: how many members it added, and whether the index is now whole.
public struct SearchIndexChunk: Sendable, Hashable {
    public var indexed: Int
    public var ready: Bool
}

extension MirrorStore {
    /// Where the search index stands (for a filter's "n of m searched by index" and the events).
    public func searchIndexProgress() throws -> SearchIndexProgress {
        try pool.read { db in try MemberSearchIndex.progress(db) }
    }

    public func searchIndexProgress() async throws -> SearchIndexProgress {
        try await pool.read { db in try MemberSearchIndex.progress(db) }
    }

    /// One chunk of the index build, off the caller's thread (GRDB's writer queue).
    public func buildSearchIndexChunk(limit: Int = 20_000) async throws -> SearchIndexChunk {
        try await pool.write { db in try MemberSearchIndex.buildChunk(db, limit: limit) }
    }

    /// The whole index build, chunk after chunk (fixtures, tests).
    public func buildSearchIndex(chunk: Int = 20_000) throws {
        while try !pool.write({ db in try MemberSearchIndex.buildChunk(db, limit: chunk) }).ready {}
    }
}

extension MirrorStore {
    public func searchIndexState() async throws -> SearchIndexState {
        try await pool.read { db in try MemberSearchIndex.state(db) }
    }

    public func searchIndexState() throws -> SearchIndexState {
        try pool.read { db in try MemberSearchIndex.state(db) }
    }
}
