import GRDB

/// The request logs' search index: a trigram FTS5 table over the request id, path, code,
/// message, idempotency key and the member, redemption and review ids a log's details name,
/// so that any part of any of them (three characters or more) is found through the index.
///
/// Each log's index row id is a *time key*: the second of its `at` times 65,536, plus the
/// order in which the logs of that second were indexed. FTS5 walks a match in row id order and
/// stops after a screenful, so a search reads its matches newest first without collecting
/// and sorting them all, however common the text. Lists arrive in id order and ids say
/// nothing about time (contract §11), which is why the key comes from `at` and not from
/// arrival. `request_log_keys` remembers each log's key, so that a log keeps it for life.
///
/// No trigger keeps the index: row by row (and in random key order, which makes FTS5 flush a
/// segment per row) it cost about 250 µs a log inside every bootstrap. Like the members'
/// index, it is built after a bootstrap in chunks in id order up to a watermark
/// (`RequestLogIndexBuild`), and the feed and action results keep what it covers current
/// through `reindex` and `remove`. Logs past the watermark are found by a scan meanwhile.
enum RequestLogSearchIndex {
    /// Keys per second of `at`. Each second has its own range, so the next key of a second is
    /// its highest + 1, found by one seek. Past 65,536 logs in one second a log takes the
    /// lowest key − 1: still unique (the sync never fails on it), but sorted as the oldest.
    static let keysPerSecond: Int64 = 65_536
    static let readyKey = "logSearch.ready"
    static let watermarkKey = "logSearch.indexedThrough"

    static let searchedColumns = ["requestId", "path", "code", "message", "idempotencyKey"]

    private static let tableSQL = """
        CREATE VIRTUAL TABLE request_logs_search USING fts5(
            requestId, path, code, message, idempotencyKey, objects, tokenize = 'trigram');
        """

    static func create(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE request_log_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);" + tableSQL)
        // An empty table is wholly indexed (the feed keeps it so); logs already in the mirror are
        // indexed by the background build, not inside the migration.
        let hasLogs = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM request_logs)") ?? false
        try MirrorStore.setState(db, readyKey, hasLogs ? nil : "1")
    }

    static func state(_ db: Database) throws -> SearchIndexState {
        SearchIndexState(ready: try MirrorStore.state(db, readyKey) != nil,
                         indexedThrough: try MirrorStore.state(db, watermarkKey))
    }

    /// The member, redemption and review ids anywhere in a log's details, space separated.
    /// Only text that is valid JSON is read: a malformed value must not fail the sync.
    static func namedObjects(_ details: String) -> String {
        """
        coalesce((SELECT group_concat(value, ' ') FROM json_tree(
                      CASE WHEN typeof(\(details)) = 'text' AND json_valid(\(details)) THEN \(details) ELSE 'null' END)
                  WHERE type = 'text' AND (value GLOB 'mem_*' OR value GLOB 'red_*' OR value GLOB 'rev_*')), '')
        """
    }

    /// The index's columns of log `l`, in the FTS table's order.
    static let indexedValues = searchedColumns.map { "l.\($0)" }.joined(separator: ", ") + ", " + namedObjects("l.details")

    /// Gives log `?1` a time key unless it has one: the next of its second, or below every key
    /// once its second is full.
    private static let assignKeySQL = """
        INSERT INTO request_log_keys (rowid, id)
        SELECT CASE WHEN taken IS NULL THEN first
                    WHEN taken < first + \(keysPerSecond - 1) THEN taken + 1
                    ELSE (SELECT min(rowid) - 1 FROM request_log_keys) END, id
        FROM (SELECT id, first, (SELECT max(rowid) FROM request_log_keys
                                 WHERE rowid BETWEEN first AND first + \(keysPerSecond - 1)) AS taken
              FROM (SELECT l.id, CAST(l.atEpoch AS INTEGER) * \(keysPerSecond) AS first FROM request_logs l
                    WHERE l.id = ?1 AND NOT EXISTS (SELECT 1 FROM request_log_keys WHERE id = ?1)))
        """

    /// Puts one log (already written) into the index, or refreshes its text there.
    static func reindex(_ db: Database, id: String) throws {
        try db.cachedStatement(sql: "DELETE FROM request_logs_search WHERE rowid = (SELECT rowid FROM request_log_keys WHERE id = ?)")
            .execute(arguments: [id])
        try db.cachedStatement(sql: assignKeySQL).execute(arguments: [id])
        try db.cachedStatement(sql: """
            INSERT INTO request_logs_search (rowid, requestId, path, code, message, idempotencyKey, objects)
            SELECT k.rowid, \(indexedValues) FROM request_logs l JOIN request_log_keys k ON k.id = l.id WHERE l.id = ?
            """).execute(arguments: [id])
    }

    /// Takes a purged log out of the index (nothing to do for one the index does not hold yet).
    static func remove(_ db: Database, id: String) throws {
        try db.cachedStatement(sql: "DELETE FROM request_logs_search WHERE rowid = (SELECT rowid FROM request_log_keys WHERE id = ?)")
            .execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM request_log_keys WHERE id = ?").execute(arguments: [id])
    }

    /// Before a bootstrap writes the list: the index is emptied and covers nothing, so the pages
    /// are written without it, and the build indexes every log after the pass.
    static func resetForBootstrap(_ db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM request_log_keys)") ?? false {
            // Dropped and made again rather than emptied row by row.
            try db.execute(sql: "DELETE FROM request_log_keys; DROP TABLE request_logs_search;" + tableSQL)
        }
        try MirrorStore.setState(db, readyKey, nil)
        try MirrorStore.setState(db, watermarkKey, nil)
    }

    /// The lowest time key of a log at or after `epoch` seconds: a search from a time starts here.
    /// (SQLite's CAST truncates toward zero, and so does this.)
    static func firstKey(atOrAfter epoch: Double) -> Int64 {
        let limit = Double(Int64.max / keysPerSecond - 1)
        guard epoch.isFinite else { return epoch > 0 ? Int64.max : Int64.min }
        return Int64(max(-limit, min(limit, epoch.rounded(.towardZero)))) * keysPerSecond
    }
}
