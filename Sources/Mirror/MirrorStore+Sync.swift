import Foundation
import GRDB
import RewardsContract

/// What one applied batch changed, so the console can refresh only what it shows.
public struct AppliedChanges: Sendable, Hashable {
    public var upserted: [ObjectKind: Int] = [:]
    public var ignored = 0
    public var purged = 0
    /// Reviews that arrived open for the first time (for the "new reviews" notification).
    public var newOpenReviews = 0

    public init() {}
    public var total: Int { upserted.values.reduce(0, +) + purged }
    public var isEmpty: Bool { total == 0 }
}

extension MirrorStore {
    // MARK: Cursor

    public func cursor() throws -> String? {
        try pool.read { db in try Self.state(db, SyncStateKey.cursor) }
    }

    public func cursor() async throws -> String? {
        try await pool.read { db in try Self.state(db, SyncStateKey.cursor) }
    }

    /// Forgets the cursor so that the next sync bootstraps again (after 410 `cursor_expired`).
    /// The rows stay: the next pass replaces them, and removes what the server no longer has
    /// only when it completes.
    public func resetCursor() async throws {
        try await pool.write { db in
            try Self.setState(db, SyncStateKey.cursor, nil)
            try Self.setState(db, SyncStateKey.bootstrapHead, nil)
        }
    }

    /// Applies a page of the change feed and moves the cursor, in one transaction.
    @discardableResult
    public func applyChanges(_ entries: [ChangeEntry], cursor: String, at now: Date = Date()) throws -> AppliedChanges {
        try pool.write { db in try Self.applyChanges(db, entries, cursor: cursor, at: now) }
    }

    /// The same, on GRDB's writer queue: the calling task waits without holding a thread.
    @discardableResult
    public func applyChanges(_ entries: [ChangeEntry], cursor: String, at now: Date = Date()) async throws
        -> AppliedChanges {
        try await pool.write { db in try Self.applyChanges(db, entries, cursor: cursor, at: now) }
    }

    static func applyChanges(_ db: Database, _ entries: [ChangeEntry], cursor: String, at now: Date) throws
        -> AppliedChanges {
        var applied = AppliedChanges()
        let indexes = try SearchIndexes(db)
        for entry in entries {
            switch entry.op {
            case .delete:
                guard let kind = ObjectKind(rawValue: entry.type.rawValue) else { continue }
                if try isTombstoned(db, id: entry.id, version: entry.version) { applied.ignored += 1; continue }
                try purgeRows(db, kind: kind, id: entry.id)
                try db.execute(sql: "INSERT OR REPLACE INTO tombstones (id, type, version) VALUES (?, ?, ?)",
                               arguments: [entry.id, kind.rawValue, entry.version])
                applied.purged += 1
            case .upsert:
                guard let object = entry.object, let mirrored = object.mirrored else {
                    applied.ignored += 1; continue
                }
                var wasOpen = false
                if case .review = object {
                    wasOpen = try Bool.fetchOne(db, sql: "SELECT status = 'open' FROM reviews WHERE id = ?",
                                                arguments: [mirrored.id]) ?? false
                }
                if try upsertIfNewer(db, mirrored, indexes: indexes) {
                    applied.upserted[type(of: mirrored).objectKind, default: 0] += 1
                    if case .review(let review) = object, review.status == .open, !wasOpen {
                        applied.newOpenReviews += 1
                    }
                } else {
                    applied.ignored += 1
                }
            default:
                applied.ignored += 1
            }
        }
        try setState(db, SyncStateKey.cursor, cursor)
        try setState(db, SyncStateKey.lastSyncAt, RFC3339.format(now))
        return applied
    }

    /// Stores an object an action returned, under the same rule as the feed.
    public func applyActionResult(_ object: ChangeObject) throws {
        guard let mirrored = object.mirrored else { return }
        try pool.write { db in _ = try Self.upsertIfNewer(db, mirrored, indexes: SearchIndexes(db)) }
    }

    /// Writes the object unless a tombstone or a stored version at or above its own says it is
    /// stale; keeps the search index of a member or request log it covers. Returns whether it wrote.
    static func upsertIfNewer(_ db: Database, _ object: any MirroredObject, indexes: SearchIndexes) throws -> Bool {
        if try isTombstoned(db, id: object.id, version: object.version) { return false }
        let kind = type(of: object).objectKind
        try ItemHistory.recordBefore(db, kind: kind, id: object.id)
        let statement = try db.cachedStatement(sql: type(of: object).upsertIfNewerSQL)
        try statement.execute(arguments: StatementArguments(values: object.columnValues))
        guard db.changesCount > 0 else { return false }
        try ItemHistory.recordChange(db, kind: kind, id: object.id)
        try indexes.reindex(db, type(of: object).objectKind, id: object.id)
        return true
    }

    public func lastSyncAt() throws -> Date? {
        try pool.read { db in try Self.state(db, SyncStateKey.lastSyncAt).flatMap(RFC3339.parse) }
    }

    // MARK: Helpers

    static func state(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    static func setState(_ db: Database, _ key: String, _ value: String?) throws {
        if let value {
            try db.execute(sql: "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM sync_state WHERE key = ?", arguments: [key])
        }
    }

    static func isTombstoned(_ db: Database, id: String, version: Int) throws -> Bool {
        guard let dead = try Int.fetchOne(db, sql: "SELECT version FROM tombstones WHERE id = ?", arguments: [id])
        else { return false }
        return version <= dead
    }

    /// Removes a row and everything the mirror holds about that id.
    static func purgeRows(_ db: Database, kind: ObjectKind, id: String) throws {
        try db.execute(sql: "DELETE FROM \(kind.table) WHERE id = ?", arguments: [id])
        try ItemHistory.purge(db, kind: kind, id: id)
        if kind == .requestLog { try RequestLogSearchIndex.remove(db, id: id) }
        if kind == .member {
            try MemberSearchIndex.remove(db, id: id)
            // A purged member takes its ledger and the personal links of its redemptions and reviews.
            try db.execute(sql: "DELETE FROM ledger WHERE memberId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM redemptions WHERE memberId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM reviews WHERE memberId = ?", arguments: [id])
        }
    }
}

/// Where the two search indexes stand, read once per transaction: a written row that an index
/// already covers is put into it at once; the rest wait for the index build.
struct SearchIndexes {
    var members: SearchIndexState
    var requestLogs: SearchIndexState

    init(_ db: Database) throws {
        members = try MemberSearchIndex.state(db)
        requestLogs = try RequestLogSearchIndex.state(db)
    }

    /// Whether any row of this kind can be in an index now (not while a bootstrap fills an
    /// empty mirror).
    func mayCover(_ kind: ObjectKind) -> Bool {
        switch kind {
        case .member: return !members.isEmpty
        case .requestLog: return !requestLogs.isEmpty
        default: return false
        }
    }

    func reindex(_ db: Database, _ kind: ObjectKind, id: String) throws {
        switch kind {
        case .member where members.covers(id): try MemberSearchIndex.reindex(db, id: id)
        case .requestLog where requestLogs.covers(id): try RequestLogSearchIndex.reindex(db, id: id)
        default: break
        }
    }
}

extension ChangeObject {
    /// The object as the mirror stores it; nil for a type this client does not know.
    var mirrored: (any MirroredObject)? {
        switch self {
        case .member(let value): return value
        case .redemption(let value): return value
        case .review(let value): return value
        case .requestLog(let value): return value
        case .unknown: return nil
        }
    }
}
