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

    public func bootstrapHead() throws -> String? {
        try pool.read { db in try Self.state(db, SyncStateKey.bootstrapHead) }
    }

    /// The list cursor a resumed bootstrap continues from, and whether that list is done.
    public func bootstrapProgress(_ kind: ObjectKind) throws -> (cursor: String?, lastId: String?, done: Bool) {
        try pool.read { db in
            guard let text = try Self.state(db, SyncStateKey.bootstrapList(kind)) else { return (nil, nil, false) }
            if text == "done" { return (nil, nil, true) }
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (parts.first.flatMap { $0.isEmpty ? nil : $0 }, parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
                    false)
        }
    }

    /// Starts a bootstrap at `head`: the cursor is cleared until every list is read.
    public func beginBootstrap(head: String) throws {
        try pool.write { db in
            try Self.setState(db, SyncStateKey.bootstrapHead, head)
            for kind in ObjectKind.allCases { try Self.setState(db, SyncStateKey.bootstrapList(kind), nil) }
        }
    }

    /// Stores one page of a bootstrap list, and the list's progress, in one transaction.
    ///
    /// Lists come in id order, so the page covers the ids from just after `previousLastId` to
    /// its own last id; a row the mirror has in that range that the page lacks is gone from the
    /// server and is removed here (after the last page, everything past it is removed too).
    public func applyBootstrapPage<Object>(_ rows: [Object], previousLastId: String?, nextCursor: String?,
                                           isLast: Bool) throws where Object: Sendable {
        guard let objects = rows as? [any MirroredObject] else { return }
        try applyBootstrap(objects, kind: Self.kind(of: Object.self), previousLastId: previousLastId,
                           nextCursor: nextCursor, isLast: isLast)
    }

    private static func kind<Object>(of type: Object.Type) -> ObjectKind {
        switch type {
        case is Member.Type: return .member
        case is Redemption.Type: return .redemption
        case is Review.Type: return .review
        default: return .requestLog
        }
    }

    private func applyBootstrap(_ objects: [any MirroredObject], kind: ObjectKind, previousLastId: String?,
                                nextCursor: String?, isLast: Bool) throws {
        try pool.write { db in
            let table = kind.table
            var ids: [String] = []
            ids.reserveCapacity(objects.count)
            for object in objects {
                if try Self.isTombstoned(db, id: object.id, version: object.version) { continue }
                let statement = try db.cachedStatement(sql: type(of: object).replaceSQL)
                try statement.execute(arguments: StatementArguments(values: object.columnValues))
                ids.append(object.id)
            }
            let lastId = objects.last?.id
            // Remove rows of this id range that the server no longer has.
            var conditions: [String] = []
            var arguments: [DatabaseValueConvertible] = []
            if let previousLastId { conditions.append("id > ?"); arguments.append(previousLastId) }
            if !isLast, let lastId { conditions.append("id <= ?"); arguments.append(lastId) }
            if !isLast && lastId == nil { conditions.append("0") }
            if !ids.isEmpty {
                conditions.append("id NOT IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
                arguments.append(contentsOf: ids)
            }
            let whereClause = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
            let doomed = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE \(whereClause)",
                                             arguments: StatementArguments(arguments))
            for id in doomed { try Self.purgeRows(db, kind: kind, id: id) }
            let progress = isLast ? "done" : (nextCursor ?? "") + "\n" + (lastId ?? previousLastId ?? "")
            try Self.setState(db, SyncStateKey.bootstrapList(kind), progress)
        }
    }

    /// Ends a bootstrap: the feed is followed from the head read before the first list page.
    public func completeBootstrap(at now: Date = Date()) throws {
        try pool.write { db in
            let head = try Self.state(db, SyncStateKey.bootstrapHead)
            try Self.setState(db, SyncStateKey.cursor, head)
            try Self.setState(db, SyncStateKey.bootstrapHead, nil)
            try Self.setState(db, SyncStateKey.bootstrapCompletedAt, RFC3339.format(now))
            try Self.setState(db, SyncStateKey.lastSyncAt, RFC3339.format(now))
        }
    }

    /// Forgets the cursor so that the next sync bootstraps again (after 410 `cursor_expired`).
    public func resetCursor() throws {
        try pool.write { db in
            try Self.setState(db, SyncStateKey.cursor, nil)
            try Self.setState(db, SyncStateKey.bootstrapHead, nil)
        }
    }

    /// Applies a page of the change feed and moves the cursor, in one transaction.
    @discardableResult
    public func applyChanges(_ entries: [ChangeEntry], cursor: String, at now: Date = Date()) throws -> AppliedChanges {
        try pool.write { db in
            var applied = AppliedChanges()
            for entry in entries {
                switch entry.op {
                case .delete:
                    guard let kind = ObjectKind(rawValue: entry.type.rawValue) else { continue }
                    if try Self.isTombstoned(db, id: entry.id, version: entry.version) { applied.ignored += 1; continue }
                    try Self.purgeRows(db, kind: kind, id: entry.id)
                    try db.execute(sql: "INSERT OR REPLACE INTO tombstones (id, type, version) VALUES (?, ?, ?)",
                                   arguments: [entry.id, kind.rawValue, entry.version])
                    applied.purged += 1
                case .upsert:
                    guard let object = entry.object else { applied.ignored += 1; continue }
                    let mirrored: any MirroredObject
                    switch object {
                    case .member(let value): mirrored = value
                    case .redemption(let value): mirrored = value
                    case .review(let value): mirrored = value
                    case .requestLog(let value): mirrored = value
                    case .unknown: continue
                    }
                    if try Self.isTombstoned(db, id: mirrored.id, version: mirrored.version) {
                        applied.ignored += 1; continue
                    }
                    var wasOpen = false
                    if case .review = object {
                        wasOpen = try Bool.fetchOne(db, sql: "SELECT status = 'open' FROM reviews WHERE id = ?",
                                                    arguments: [mirrored.id]) ?? false
                    }
                    let statement = try db.cachedStatement(sql: type(of: mirrored).upsertIfNewerSQL)
                    try statement.execute(arguments: StatementArguments(values: mirrored.columnValues))
                    if db.changesCount > 0 {
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
            try Self.setState(db, SyncStateKey.cursor, cursor)
            try Self.setState(db, SyncStateKey.lastSyncAt, RFC3339.format(now))
            return applied
        }
    }

    /// Stores an object an action returned, under the same rule as the feed.
    public func applyActionResult(_ object: ChangeObject) throws {
        let entry: ChangeEntry
        switch object {
        case .review(let review):
            entry = ChangeEntry(seq: "", type: .review, op: .upsert, id: review.id, version: review.version, object: object)
        case .redemption(let redemption):
            entry = ChangeEntry(seq: "", type: .redemption, op: .upsert, id: redemption.id, version: redemption.version,
                                object: object)
        default:
            return
        }
        try pool.write { db in
            guard case .upsert = entry.op, let object = entry.object else { return }
            let mirrored: any MirroredObject
            switch object {
            case .review(let value): mirrored = value
            case .redemption(let value): mirrored = value
            default: return
            }
            if try Self.isTombstoned(db, id: mirrored.id, version: mirrored.version) { return }
            try db.execute(sql: type(of: mirrored).upsertIfNewerSQL, arguments: StatementArguments(values: mirrored.columnValues))
        }
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
        if kind == .member {
            // A purged member takes its ledger and the personal links of its redemptions and reviews.
            try db.execute(sql: "DELETE FROM ledger WHERE memberId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM redemptions WHERE memberId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM reviews WHERE memberId = ?", arguments: [id])
        }
    }
}
