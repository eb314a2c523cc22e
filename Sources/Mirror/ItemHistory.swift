import Foundation
import GRDB
import RewardsContract

/// One version of a review or redemption as the mirror saw it: what a reviewer needs to tell
/// the story of an item (who escalated it, with which note, before it was approved).
public struct ItemHistoryEntry: Sendable, Hashable {
    public var itemId: String
    public var version: Int
    /// The server's `updatedAt` of this version.
    public var updatedAt: Timestamp
    public var status: String
    /// Reviews only.
    public var escalationLevel: Int?
    /// Reviews only.
    public var note: String?
    public var lastActionBy: String?
    public var lastActionAt: Timestamp?

    public init(itemId: String, version: Int, updatedAt: Timestamp, status: String, escalationLevel: Int? = nil,
                note: String? = nil, lastActionBy: String? = nil, lastActionAt: Timestamp? = nil) {
        self.itemId = itemId; self.version = version; self.updatedAt = updatedAt; self.status = status
        self.escalationLevel = escalationLevel; self.note = note; self.lastActionBy = lastActionBy
        self.lastActionAt = lastActionAt
    }

    init(row: Row) {
        self.init(itemId: row["itemId"], version: row["version"], updatedAt: Timestamp(raw: row["updatedAt"]),
                  status: row["status"], escalationLevel: row["level"], note: row["note"],
                  lastActionBy: row["lastActionBy"], lastActionAt: (row["lastActionAt"] as String?).map(Timestamp.init(raw:)))
    }
}

/// The small table of item versions, fed by the sync. A row is written when an upsert changes
/// an item's status, escalation level, note or last action; at most `perItem` rows are kept
/// per item (older ones go), and a purge takes them with the item.
///
/// Cheap by design, because the bootstrap writes a million rows a pass: a fresh list's pages
/// write nothing here (an item's first state is recorded when the feed first changes it, just
/// before the change); a re-bootstrap's pages cost two statements per page (before and after
/// the write), and write rows only for the items the page changed.
enum ItemHistory {
    static let perItem = 20

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE item_history (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, itemId TEXT NOT NULL, kind TEXT NOT NULL,
                memberId TEXT NOT NULL, version INTEGER NOT NULL, updatedAt TEXT NOT NULL, status TEXT NOT NULL,
                level INTEGER, note TEXT, lastActionBy TEXT, lastActionAt TEXT
            );
            CREATE INDEX item_history_item ON item_history(itemId, seq);
            CREATE INDEX item_history_member ON item_history(memberId);
            CREATE TRIGGER item_history_bound AFTER INSERT ON item_history BEGIN
                DELETE FROM item_history WHERE itemId = NEW.itemId AND seq < (
                    SELECT seq FROM item_history WHERE itemId = NEW.itemId ORDER BY seq DESC LIMIT 1 OFFSET \(perItem - 1));
            END;
            """)
    }

    /// The columns a version is read from, per kind, for the table aliased `o`.
    private static func source(_ kind: ObjectKind) -> (table: String, level: String, note: String)? {
        switch kind {
        case .review: return ("reviews", "o.escalationLevel", "o.note")
        case .redemption: return ("redemptions", "NULL", "NULL")
        case .member, .requestLog: return nil
        }
    }

    /// `INSERT … SELECT` of the stored rows matching `condition` whose state differs from their
    /// latest history row, or that have none (unless `requireHistory`: a re-bootstrap page).
    private static func insertChangedSQL(_ kind: ObjectKind, condition: String, requireHistory: Bool = false) -> String? {
        guard let source = source(kind) else { return nil }
        return """
            INSERT INTO item_history (itemId, kind, memberId, version, updatedAt, status, level, note, lastActionBy, lastActionAt)
            SELECT o.id, '\(kind.rawValue)', o.memberId, o.version, o.updatedAt, o.status, \(source.level), \(source.note),
                   o.lastActionBy, o.lastActionAt
            FROM \(source.table) o
            LEFT JOIN item_history h ON h.seq = (SELECT max(seq) FROM item_history WHERE itemId = o.id)
            WHERE \(condition) AND \(requireHistory ? "h.seq IS NOT NULL AND" : "") (\(requireHistory ? "0" : "h.seq IS NULL") OR h.status IS NOT o.status OR h.level IS NOT \(source.level)
                OR h.note IS NOT \(source.note) OR h.lastActionBy IS NOT o.lastActionBy OR h.lastActionAt IS NOT o.lastActionAt)
            """
    }

    /// Before an upsert of `id`: the stored version, if the item has no history yet (it came
    /// with a bootstrap), so that the change about to be written has a "before".
    static func recordBefore(_ db: Database, kind: ObjectKind, id: String) throws {
        guard let source = source(kind) else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO item_history (itemId, kind, memberId, version, updatedAt, status, level, note, lastActionBy, lastActionAt)
            SELECT o.id, '\(kind.rawValue)', o.memberId, o.version, o.updatedAt, o.status, \(source.level), \(source.note),
                   o.lastActionBy, o.lastActionAt
            FROM \(source.table) o WHERE o.id = ? AND NOT EXISTS (SELECT 1 FROM item_history WHERE itemId = ?)
            """)
        try statement.execute(arguments: [id, id])
    }

    /// After an upsert wrote `id`: its new version, if it changed what the history says.
    static func recordChange(_ db: Database, kind: ObjectKind, id: String) throws {
        guard let sql = insertChangedSQL(kind, condition: "o.id = ?") else { return }
        try db.cachedStatement(sql: sql).execute(arguments: [id])
    }

    /// Before a re-bootstrap page is written (a list that had rows): one statement records the
    /// stored version of every item the page brings a newer version of and that has no history
    /// yet, so that the change has a "before" (`recordPage` then adds the "after"). Items the
    /// page leaves as they were cost nothing.
    static func recordBeforePage(_ db: Database, _ page: BootstrapRows) throws {
        let versions: [(id: String, version: Int)]
        switch page {
        case .reviews(let rows): versions = rows.map { ($0.id, $0.version) }
        case .redemptions(let rows): versions = rows.map { ($0.id, $0.version) }
        case .members, .requestLogs: return
        }
        guard !versions.isEmpty, let source = source(page.kind) else { return }
        // The page's ids and versions as one JSON argument: one statement, whatever the page size.
        let pairs = versions.map { [JSONValue.string($0.id), JSONValue.int(Int64($0.version))] }
        let argument = String(decoding: try JSONEncoder().encode(pairs), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO item_history (itemId, kind, memberId, version, updatedAt, status, level, note, lastActionBy, lastActionAt)
            SELECT o.id, '\(page.kind.rawValue)', o.memberId, o.version, o.updatedAt, o.status, \(source.level), \(source.note),
                   o.lastActionBy, o.lastActionAt
            FROM json_each(?) p JOIN \(source.table) o ON o.id = json_extract(p.value, '$[0]')
            WHERE o.version < json_extract(p.value, '$[1]') AND NOT EXISTS (SELECT 1 FROM item_history WHERE itemId = o.id)
            """).execute(arguments: [argument])
    }

    /// After a re-bootstrap page of ids `low...high` is written: one statement for every item
    /// of the page with a history (every item the page changed has one, see `recordBeforePage`)
    /// whose state the page changed.
    static func recordPage(_ db: Database, kind: ObjectKind, low: String, high: String) throws {
        guard let sql = insertChangedSQL(kind, condition: "o.id BETWEEN ? AND ?", requireHistory: true) else { return }
        try db.cachedStatement(sql: sql).execute(arguments: [low, high])
    }

    /// A purged item, or every item of a purged member, leaves no history behind.
    static func purge(_ db: Database, kind: ObjectKind, id: String) throws {
        switch kind {
        case .review, .redemption:
            try db.execute(sql: "DELETE FROM item_history WHERE itemId = ?", arguments: [id])
        case .member:
            try db.execute(sql: "DELETE FROM item_history WHERE memberId = ?", arguments: [id])
        case .requestLog:
            break
        }
    }
}

extension MirrorStore {
    /// An item's versions as the mirror saw them, newest first.
    public func itemHistory(itemId: String, limit: Int = 20) throws -> [ItemHistoryEntry] {
        try pool.read { db in try Self.itemHistory(db, itemId: itemId, limit: limit) }
    }

    static func itemHistory(_ db: Database, itemId: String, limit: Int) throws -> [ItemHistoryEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM item_history WHERE itemId = ? ORDER BY seq DESC LIMIT ?
            """), arguments: [itemId, limit]).map(ItemHistoryEntry.init(row:))
    }
}
