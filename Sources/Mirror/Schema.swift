import GRDB

/// The mirror's tables. Each list table keeps the contract's fields as columns, plus the
/// few derived columns its pane sorts on, indexed so that a window of rows is read by a
/// keyset seek, never by a scan.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-objects") { db in
            try db.execute(sql: """
                CREATE TABLE members (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL,
                    createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, clubId TEXT NOT NULL,
                    externalRef TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
                    pointsAvailable INTEGER NOT NULL, pointsPending INTEGER NOT NULL,
                    pointsLifetime INTEGER NOT NULL, payoutReady INTEGER NOT NULL, currency TEXT NOT NULL,
                    deletedAt TEXT
                ) WITHOUT ROWID;
                CREATE TABLE redemptions (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL,
                    createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, createdEpoch REAL NOT NULL,
                    memberId TEXT NOT NULL, points INTEGER NOT NULL, cashValueMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL, status TEXT NOT NULL, isPending INTEGER NOT NULL,
                    payoutAttempts INTEGER NOT NULL, lastErrorCode TEXT, lastErrorMessage TEXT
                );
                CREATE INDEX redemptions_pending ON redemptions(isPending, createdEpoch, id);
                CREATE INDEX redemptions_member ON redemptions(memberId);
                CREATE TABLE reviews (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL,
                    createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, createdEpoch REAL NOT NULL,
                    kind TEXT NOT NULL, reasonCode TEXT NOT NULL, memberId TEXT NOT NULL, subjectRef TEXT NOT NULL,
                    pointsRequested INTEGER NOT NULL, pointsAvailable INTEGER NOT NULL,
                    amountMinor INTEGER NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL,
                    statusRank INTEGER NOT NULL, escalationLevel INTEGER NOT NULL,
                    note TEXT, decidedBy TEXT, decidedAt TEXT
                );
                CREATE INDEX reviews_queue ON reviews(statusRank, createdEpoch, id);
                CREATE INDEX reviews_member ON reviews(memberId);
                CREATE TABLE request_logs (
                    id TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL,
                    createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, requestId TEXT NOT NULL,
                    at TEXT NOT NULL, atEpoch REAL NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,
                    httpStatus INTEGER NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
                    retryable INTEGER NOT NULL, idempotencyKey TEXT, details TEXT
                );
                CREATE INDEX request_logs_recent ON request_logs(atEpoch, id);
                CREATE INDEX request_logs_code ON request_logs(code, atEpoch);
                CREATE TABLE ledger (
                    id TEXT PRIMARY KEY NOT NULL, memberId TEXT NOT NULL, kind TEXT NOT NULL,
                    points INTEGER NOT NULL, externalTransactionId TEXT, redemptionId TEXT,
                    createdAt TEXT NOT NULL, createdEpoch REAL NOT NULL
                );
                CREATE INDEX ledger_member ON ledger(memberId, createdEpoch, id);
                -- A purged id: no personal data, only what is needed to ignore stale upserts.
                CREATE TABLE tombstones (
                    id TEXT PRIMARY KEY NOT NULL, type TEXT NOT NULL, version INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v1-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotencyKey TEXT NOT NULL UNIQUE,
                    subject TEXT NOT NULL, objectId TEXT NOT NULL, verb TEXT NOT NULL,
                    body BLOB NOT NULL, baseVersion INTEGER NOT NULL, note TEXT, sendAfter REAL NOT NULL DEFAULT 0,
                    state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    createdAt REAL NOT NULL, updatedAt REAL NOT NULL,
                    errorCode TEXT, errorMessage TEXT, requestId TEXT, resultVersion INTEGER
                );
                CREATE INDEX outbox_state ON outbox(state, seq);
                CREATE INDEX outbox_object ON outbox(objectId, seq);
                CREATE TABLE local_errors (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL,
                    method TEXT NOT NULL, path TEXT NOT NULL, httpStatus INTEGER, code TEXT NOT NULL,
                    message TEXT NOT NULL, retryable INTEGER NOT NULL, requestId TEXT,
                    idempotencyKey TEXT, attempt INTEGER NOT NULL
                );
                CREATE INDEX local_errors_at ON local_errors(at);
                """)
        }
        // The Error log's grouped query reads only this index (code order, every column it
        // needs), never the table; a code's window seeks in it too.
        migrator.registerMigration("v2-error-log-groups") { db in
            try db.execute(sql: """
                CREATE INDEX request_logs_groups ON request_logs(code, atEpoch, httpStatus, retryable);
                CREATE INDEX local_errors_code ON local_errors(code, at);
                """)
        }
        migrator.registerMigration("v2-status-filters") { db in
            try db.execute(sql: """
                CREATE INDEX redemptions_status ON redemptions(status, createdEpoch, id);
                CREATE INDEX reviews_status ON reviews(status, statusRank, createdEpoch, id);
                """)
        }
        migrator.registerMigration("v3-member-search") { db in
            // Substring search over name, email, externalRef and id at a million members: a
            // trigram FTS5 index. FTS5 wants integer rowids and members has none, so
            // member_keys gives each id one.
            try db.execute(sql: """
                CREATE TABLE member_keys (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
                CREATE VIRTUAL TABLE members_search USING fts5(text, tokenize = 'trigram');
                INSERT INTO member_keys (id) SELECT id FROM members;
                INSERT INTO members_search (rowid, text)
                    SELECT k.rowid, m.name || ' ' || m.email || ' ' || m.externalRef || ' ' || m.id
                    FROM members m JOIN member_keys k ON k.id = m.id;
                -- No OR REPLACE / OR IGNORE in these triggers: the outer statement's conflict
                -- policy (an upsert, or the bootstrap's INSERT OR REPLACE) would override it.
                CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
                    DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = new.id);
                    DELETE FROM member_keys WHERE id = new.id;
                    INSERT INTO member_keys (id) VALUES (new.id);
                    INSERT INTO members_search (rowid, text)
                        VALUES ((SELECT rowid FROM member_keys WHERE id = new.id),
                                new.name || ' ' || new.email || ' ' || new.externalRef || ' ' || new.id);
                END;
                CREATE TRIGGER members_search_update AFTER UPDATE OF name, email, externalRef ON members BEGIN
                    DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = new.id);
                    INSERT INTO members_search (rowid, text)
                        VALUES ((SELECT rowid FROM member_keys WHERE id = new.id),
                                new.name || ' ' || new.email || ' ' || new.externalRef || ' ' || new.id);
                END;
                CREATE TRIGGER members_search_delete AFTER DELETE ON members BEGIN
                    DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = old.id);
                    DELETE FROM member_keys WHERE id = old.id;
                END;
                """)
        }
        migrator.registerMigration("v4-audit") { db in
            // Append-only: who decided what, when, and what came of it.
            try db.execute(sql: """
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, profile TEXT, keyId TEXT NOT NULL,
                    subject TEXT NOT NULL, objectId TEXT NOT NULL, verb TEXT NOT NULL, note TEXT,
                    result TEXT NOT NULL, code TEXT, requestId TEXT, idempotencyKey TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v5-stable-search-keys") { db in
            // A member keeps its search rowid for life (it used to get a new one on every
            // upsert), so a text filter can page through the FTS index in rowid order and stop
            // after one screen instead of collecting every match first. The bootstrap inserts
            // in id order, so that order is the id order for all but later arrivals.
            try db.execute(sql: """
                DROP TRIGGER members_search_insert;
                CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
                    INSERT INTO member_keys (id) SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM member_keys WHERE id = new.id);
                    DELETE FROM members_search WHERE rowid = (SELECT rowid FROM member_keys WHERE id = new.id);
                    INSERT INTO members_search (rowid, text)
                        VALUES ((SELECT rowid FROM member_keys WHERE id = new.id),
                                new.name || ' ' || new.email || ' ' || new.externalRef || ' ' || new.id);
                END;
                """)
        }
        migrator.registerMigration("v6-last-action") { db in
            // Who took the last approve or escalate, and when (contract §5, additive): null
            // until the server reports an action, and from servers that omit the fields.
            try db.execute(sql: """
                ALTER TABLE reviews ADD COLUMN lastActionBy TEXT;
                ALTER TABLE reviews ADD COLUMN lastActionAt TEXT;
                ALTER TABLE redemptions ADD COLUMN lastActionBy TEXT;
                ALTER TABLE redemptions ADD COLUMN lastActionAt TEXT;
                """)
        }
        // v6-identity: whose the mirror is (issue #16). The platform, club and environment it was
        // built from (one row), each key's own last /v1/me answer, and the key, club and
        // environment of every outbox entry, which only that key ever sends. A mirror synced
        // before this keeps what it knew: its last identity binds it, and its unsent entries
        // belong to that key; entries with no identity to take are marked failed, never sent.
        migrator.registerMigration("v6-identity") { db in
            try db.execute(sql: """
                CREATE TABLE mirror_identity (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1), baseURL TEXT,
                    clubId TEXT NOT NULL, clubName TEXT NOT NULL, environment TEXT NOT NULL, boundAt REAL NOT NULL
                );
                CREATE TABLE key_identities (
                    keyId TEXT PRIMARY KEY NOT NULL, clubId TEXT NOT NULL, clubName TEXT NOT NULL,
                    environment TEXT NOT NULL, role TEXT NOT NULL, seenAt REAL NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE outbox ADD COLUMN keyId TEXT;
                ALTER TABLE outbox ADD COLUMN clubId TEXT;
                ALTER TABLE outbox ADD COLUMN environment TEXT;
                CREATE INDEX outbox_key ON outbox(keyId, state, seq);
                CREATE TEMP TABLE old_me AS SELECT
                    (SELECT value FROM sync_state WHERE key = 'me.keyId') AS keyId,
                    (SELECT value FROM sync_state WHERE key = 'me.clubId') AS clubId,
                    (SELECT value FROM sync_state WHERE key = 'me.clubName') AS clubName,
                    (SELECT value FROM sync_state WHERE key = 'me.environment') AS environment,
                    (SELECT value FROM sync_state WHERE key = 'me.role') AS role;
                INSERT INTO mirror_identity (singleton, baseURL, clubId, clubName, environment, boundAt)
                    SELECT 1, NULL, clubId, coalesce(clubName, ''), environment, CAST(strftime('%s', 'now') AS REAL) FROM old_me
                    WHERE keyId IS NOT NULL AND clubId IS NOT NULL AND environment IS NOT NULL;
                INSERT INTO key_identities (keyId, clubId, clubName, environment, role, seenAt)
                    SELECT keyId, clubId, coalesce(clubName, ''), environment, coalesce(role, 'support'), CAST(strftime('%s', 'now') AS REAL)
                    FROM old_me WHERE keyId IS NOT NULL AND clubId IS NOT NULL AND environment IS NOT NULL;
                UPDATE outbox SET keyId = (SELECT keyId FROM key_identities),
                                  clubId = (SELECT clubId FROM key_identities),
                                  environment = (SELECT environment FROM key_identities)
                    WHERE keyId IS NULL AND (SELECT count(*) FROM key_identities) = 1;
                UPDATE outbox SET state = 'failed', errorCode = 'no_key',
                                  errorMessage = 'queued before outbox entries recorded their key; not sent'
                    WHERE keyId IS NULL AND state IN ('queued', 'sending');
                DELETE FROM sync_state WHERE key IN ('me.keyId', 'me.clubId', 'me.clubName', 'me.environment', 'me.role');
                DROP TABLE old_me;
                """)
        }
        migrator.registerMigration("v7-deferred-search-index") { db in
            // The search index is no longer kept by triggers: a bootstrap writes its rows without
            // it (maintaining a trigram index row by row was most of a bootstrap's cost) and the
            // index is built afterwards in chunks, in id order, up to a watermark kept in
            // sync_state (MemberSearchIndex). A mirror made before this already has every member
            // indexed, so it starts out ready.
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS members_search_insert;
                DROP TRIGGER IF EXISTS members_search_update;
                DROP TRIGGER IF EXISTS members_search_delete;
                INSERT OR REPLACE INTO sync_state (key, value)
                    SELECT 'search.ready', '1' WHERE EXISTS (SELECT 1 FROM members);
                """)
        }
        migrator.registerMigration("v7-bootstrap-stale-rows") { db in
            // Rows a re-bootstrap found gone from the server: they stay browsable until the pass
            // ends, then go together.
            try db.execute(sql: """
                CREATE TABLE bootstrap_stale (
                    kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;
                """)
        }
        // The request logs' search index (RequestLogSearchIndex): kept without triggers and built
        // after a bootstrap, like the members' since v7.
        migrator.registerMigration("v8-request-log-search") { db in
            try RequestLogSearchIndex.create(db)
        }
        migrator.registerMigration("v8-request-log-search-untriggered") { db in
            // The first build of v8 kept the index by triggers; a mirror made by it has every log
            // indexed already, so it drops them and starts out ready. A mirror made since has no
            // triggers and keeps its build state.
            let triggered = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM sqlite_master
                               WHERE type = 'trigger' AND name LIKE 'request_logs_search_%')
                """) ?? false
            guard triggered else { return }
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS request_logs_search_insert;
                DROP TRIGGER IF EXISTS request_logs_search_update;
                DROP TRIGGER IF EXISTS request_logs_search_delete;
                """)
            try MirrorStore.setState(db, RequestLogSearchIndex.readyKey, "1")
        }
        migrator.registerMigration("v9-item-history") { db in
            // The versions of each review and redemption the mirror has seen (ItemHistory), and
            // this console's decisions on one item without reading the whole audit.
            try ItemHistory.create(db)
            try db.execute(sql: "CREATE INDEX audit_object ON audit(objectId, seq)")
        }
        migrator.registerMigration("v10-request-logs-code-covered") { db in
            // (code, atEpoch) is the head of request_logs_groups, which serves every query it
            // served: one index less to build after a bootstrap (a quarter second at 200,000
            // logs) and to keep after it. A bootstrap that deferred it must not build it back.
            try db.execute(sql: "DROP INDEX IF EXISTS request_logs_code")
            try BootstrapIndexes.forget(db, kind: .requestLog, index: "request_logs_code")
        }
        return migrator
    }
}
