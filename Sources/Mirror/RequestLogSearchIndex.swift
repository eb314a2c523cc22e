import GRDB

/// The request logs' search index: a trigram FTS5 table over the request id, path, code,
/// message, idempotency key and the member, redemption and review ids a log's details name,
/// so that any part of any of them (three characters or more) is found through the index.
///
/// Each log's index row id is a *time key*: the second of its `at` times 65,536, plus the
/// order in which the logs of that second arrived. FTS5 walks a match in row id order and
/// stops after a screenful, so a search reads its matches newest first without collecting
/// and sorting them all, however common the text. Lists arrive in id order and ids say
/// nothing about time (contract §11), which is why the key comes from `at` and not from
/// arrival. `request_log_keys` remembers each log's key: a bootstrap replaces rows (`INSERT
/// OR REPLACE` fires no delete trigger), and the old index row must still be found and dropped.
enum RequestLogSearchIndex {
    /// Keys per second of `at`. Each second has its own range, so the next key of a second is
    /// its highest + 1, found by one seek. Past 65,536 logs in one second a log takes the
    /// lowest key − 1: still unique (the sync never fails on it), but sorted as the oldest.
    static let keysPerSecond: Int64 = 65_536

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE request_log_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
            CREATE VIRTUAL TABLE request_logs_search USING fts5(
                requestId, path, code, message, idempotencyKey, objects, tokenize = 'trigram');
            CREATE TRIGGER request_logs_search_insert AFTER INSERT ON request_logs BEGIN
                \(reindexStatements)
            END;
            CREATE TRIGGER request_logs_search_update
                AFTER UPDATE OF requestId, path, code, message, idempotencyKey, details ON request_logs BEGIN
                \(reindexStatements)
            END;
            CREATE TRIGGER request_logs_search_delete AFTER DELETE ON request_logs BEGIN
                DELETE FROM request_logs_search WHERE rowid = (SELECT rowid FROM request_log_keys WHERE id = old.id);
                DELETE FROM request_log_keys WHERE id = old.id;
            END;
            -- The logs already in the mirror: the update trigger indexes each one.
            UPDATE request_logs SET requestId = requestId;
            """)
    }

    /// Drops the log's index row if it has one, gives it a key if it has none, and indexes it.
    /// No OR REPLACE / OR IGNORE here: the outer statement's conflict policy would override it.
    private static var reindexStatements: String {
        """
        DELETE FROM request_logs_search WHERE rowid = (SELECT rowid FROM request_log_keys WHERE id = new.id);
        INSERT INTO request_log_keys (rowid, id)
            SELECT CASE WHEN taken IS NULL THEN first
                        WHEN taken < first + \(keysPerSecond - 1) THEN taken + 1
                        ELSE (SELECT min(rowid) - 1 FROM request_log_keys) END, new.id
            FROM (SELECT first, (SELECT max(rowid) FROM request_log_keys
                                 WHERE rowid BETWEEN first AND first + \(keysPerSecond - 1)) AS taken
                  FROM (SELECT CAST(new.atEpoch AS INTEGER) * \(keysPerSecond) AS first))
            WHERE NOT EXISTS (SELECT 1 FROM request_log_keys WHERE id = new.id);
        INSERT INTO request_logs_search (rowid, requestId, path, code, message, idempotencyKey, objects)
            VALUES ((SELECT rowid FROM request_log_keys WHERE id = new.id), new.requestId, new.path, new.code,
                    new.message, new.idempotencyKey, \(namedObjects));
        """
    }

    /// The member, redemption and review ids anywhere in a log's details, space separated.
    /// Only text that is valid JSON is read: a malformed value must not fail the sync.
    private static let namedObjects = """
        coalesce((SELECT group_concat(value, ' ') FROM json_tree(
                      CASE WHEN typeof(new.details) = 'text' AND json_valid(new.details) THEN new.details ELSE 'null' END)
                  WHERE type = 'text' AND (value GLOB 'mem_*' OR value GLOB 'red_*' OR value GLOB 'rev_*')), '')
        """

    /// The lowest time key of a log at or after `epoch` seconds: a search from a time starts here.
    /// (SQLite's CAST truncates toward zero, and so does this.)
    static func firstKey(atOrAfter epoch: Double) -> Int64 {
        let limit = Double(Int64.max / keysPerSecond - 1)
        guard epoch.isFinite else { return epoch > 0 ? Int64.max : Int64.min }
        return Int64(max(-limit, min(limit, epoch.rounded(.towardZero)))) * keysPerSecond
    }
}
