import GRDB

/// The sandbox's own tables. Each object table keeps the object's JSON exactly as served, so
/// a list page is a concatenation of stored text, plus the few columns that lists filter on.
enum StoreSchema {
    /// Bumped when the layout changes; a state file of another format is regenerated.
    static let format = "3"

    /// The ledger is clustered by member and time: it is only ever read per member, newest
    /// first, and ledger ids are unique by construction. `earns` indexes the settled
    /// transactions by the club's `externalTransactionId` for the duplicate and reversal rules;
    /// `external_requests` does the same for redemption requests; `cash_holds` is the cash each
    /// reserved redemption holds of the club's capacity.
    static func create(in db: Database) throws {
        // Large pages keep WITHOUT ROWID rows (a few hundred bytes of JSON) well under the
        // size at which SQLite spills them to overflow pages.
        try db.execute(sql: """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE members(id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL,
                status TEXT NOT NULL, search TEXT NOT NULL, deleted INTEGER NOT NULL, externalRef TEXT NOT NULL)
                WITHOUT ROWID;
            CREATE TABLE redemptions(id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL,
                status TEXT NOT NULL, memberId TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX redemptions_member ON redemptions(memberId);
            CREATE TABLE reviews(id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL,
                status TEXT NOT NULL, memberId TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX reviews_member ON reviews(memberId);
            CREATE TABLE request_logs(id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL,
                atMicros INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE ledger(id TEXT NOT NULL, memberId TEXT NOT NULL, createdAtMicros INTEGER NOT NULL,
                json TEXT NOT NULL, PRIMARY KEY(memberId, createdAtMicros, id)) WITHOUT ROWID;
            CREATE TABLE changes(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, op TEXT NOT NULL, id TEXT NOT NULL,
                version INTEGER NOT NULL, object TEXT);
            CREATE INDEX changes_id ON changes(id, seq);
            CREATE TABLE earns(externalTransactionId TEXT PRIMARY KEY, memberId TEXT NOT NULL,
                points INTEGER NOT NULL, amountMinor INTEGER NOT NULL, currency TEXT NOT NULL,
                reversed INTEGER NOT NULL, createdAtMicros INTEGER NOT NULL,
                ledgerId TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX earns_member ON earns(memberId);
            CREATE TABLE external_requests(externalRequestId TEXT PRIMARY KEY, memberId TEXT NOT NULL,
                points INTEGER NOT NULL, redemptionId TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX external_requests_member ON external_requests(memberId);
            CREATE TABLE cash_holds(redemptionId TEXT PRIMARY KEY, amountMinor INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE idempotency(clubId TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL,
                path TEXT NOT NULL, bodyHash TEXT NOT NULL, status INTEGER NOT NULL, body BLOB NOT NULL,
                createdAt REAL NOT NULL, PRIMARY KEY(clubId, key)) WITHOUT ROWID;
            CREATE INDEX idempotency_created ON idempotency(createdAt);
            """)
    }

    /// Indexes built once the generated data is in: one sorting pass is much faster than
    /// keeping them up to date through a million random inserts.
    static func createLateIndexes(in db: Database) throws {
        try db.execute(sql: "CREATE INDEX IF NOT EXISTS members_externalRef ON members(externalRef)")
    }

    /// The tables of the lists of contract §6, whose rows the store counts.
    static let objectTables = ["members", "redemptions", "reviews", "request_logs"]

    static let tables = ["meta", "members", "redemptions", "reviews", "request_logs", "ledger", "changes",
                         "idempotency", "earns", "external_requests", "cash_holds"]
}
