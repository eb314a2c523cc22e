import GRDB

/// How far the request logs' search index has got: `indexed` of `logs`.
public struct RequestLogIndexProgress: Sendable, Hashable {
    public var indexed: Int
    public var logs: Int
    public var ready: Bool
    public init(indexed: Int, logs: Int, ready: Bool) {
        self.indexed = indexed
        self.logs = logs
        self.ready = ready
    }
}

/// The request logs' index built in bulk, a chunk of logs in id order per transaction: their
/// time keys in one `INSERT … SELECT` (numbered per second by a window function, after the
/// highest key each second already has), then their text in one more, in key order (FTS5
/// writes a segment whenever a row id goes down, so rows in random key order cost a segment
/// each). The watermark moves with the chunk, so a build killed at any moment resumes after
/// the last chunk committed.
extension RequestLogSearchIndex {
    static func buildChunk(_ db: Database, limit: Int) throws -> SearchIndexChunk {
        let current = try state(db)
        if current.ready { return SearchIndexChunk(indexed: 0, ready: true) }
        let from = current.indexedThrough ?? ""
        let chunk = try Row.fetchOne(db, sql: "SELECT max(id), count(*) FROM (SELECT id FROM request_logs WHERE id > ? ORDER BY id LIMIT ?)",
                                     arguments: [from, max(1, limit)])
        guard let last = chunk?[0] as String?, let count = chunk?[1] as Int? else {
            try MirrorStore.setState(db, readyKey, "1")
            try MirrorStore.setState(db, watermarkKey, nil)
            return SearchIndexChunk(indexed: 0, ready: true)
        }
        try db.execute(sql: """
            WITH chunk (id, first) AS (
                SELECT l.id, CAST(l.atEpoch AS INTEGER) * \(keysPerSecond) FROM request_logs l
                WHERE l.id > ?1 AND l.id <= ?2 AND NOT EXISTS (SELECT 1 FROM request_log_keys k WHERE k.id = l.id)),
            seconds (first, next) AS (
                SELECT first, coalesce((SELECT max(rowid) + 1 FROM request_log_keys
                                        WHERE rowid BETWEEN first AND first + \(keysPerSecond - 1)), first)
                FROM chunk GROUP BY first)
            INSERT INTO request_log_keys (rowid, id)
            SELECT key, id FROM (
                SELECT s.next + row_number() OVER (PARTITION BY c.first ORDER BY c.id) - 1 AS key, c.first, c.id
                FROM chunk c JOIN seconds s ON s.first = c.first)
            WHERE key < first + \(keysPerSecond)
            ORDER BY key
            """, arguments: [from, last])
        if db.changesCount < count {
            // A second with more logs than keys: the rest go one by one below every key.
            let overflow = try String.fetchAll(db, sql: """
                SELECT l.id FROM request_logs l WHERE l.id > ? AND l.id <= ?
                AND NOT EXISTS (SELECT 1 FROM request_log_keys k WHERE k.id = l.id) ORDER BY l.id
                """, arguments: [from, last])
            for id in overflow {
                try db.execute(sql: "INSERT INTO request_log_keys (rowid, id) SELECT min(rowid) - 1, ? FROM request_log_keys",
                               arguments: [id])
            }
        }
        try db.execute(sql: """
            INSERT INTO request_logs_search (rowid, requestId, path, code, message, idempotencyKey, objects)
            SELECT k.rowid, \(indexedValues) FROM request_logs l JOIN request_log_keys k ON k.id = l.id
            WHERE l.id > ? AND l.id <= ? ORDER BY k.rowid
            """, arguments: [from, last])
        try MirrorStore.setState(db, watermarkKey, last)
        return SearchIndexChunk(indexed: count, ready: false)
    }

    /// Counts what is indexed (it reads the whole table: not for every chunk).
    static func progress(_ db: Database) throws -> RequestLogIndexProgress {
        let current = try state(db)
        let counts = try current.counts(db, table: "request_logs")
        return RequestLogIndexProgress(indexed: counts.indexed, logs: counts.rows, ready: current.ready)
    }
}

extension MirrorStore {
    public func requestLogIndexState() async throws -> SearchIndexState {
        try await pool.read { db in try RequestLogSearchIndex.state(db) }
    }

    public func requestLogIndexProgress() throws -> RequestLogIndexProgress {
        try pool.read { db in try RequestLogSearchIndex.progress(db) }
    }

    public func requestLogIndexProgress() async throws -> RequestLogIndexProgress {
        try await pool.read { db in try RequestLogSearchIndex.progress(db) }
    }

    /// One chunk of the build, off the caller's thread (GRDB's writer queue).
    public func buildRequestLogIndexChunk(limit: Int = 20_000) async throws -> SearchIndexChunk {
        try await pool.write { db in try RequestLogSearchIndex.buildChunk(db, limit: limit) }
    }

    public func buildRequestLogIndexChunk(limit: Int = 20_000) throws -> SearchIndexChunk {
        try pool.write { db in try RequestLogSearchIndex.buildChunk(db, limit: limit) }
    }

    /// The whole build, chunk after chunk (fixtures, tests).
    public func buildRequestLogIndex(chunk: Int = 20_000) throws {
        while try !buildRequestLogIndexChunk(limit: chunk).ready {}
    }
}
