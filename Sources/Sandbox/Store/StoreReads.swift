import Foundation
import GRDB
import RewardsContract

/// A list's filter as SQL: conditions joined by AND, with their arguments.
struct ListFilter: Sendable {
    var conditions: [String] = []
    var arguments: [DatabaseValue] = []

    mutating func add(_ condition: String, _ values: [DatabaseValue] = []) {
        conditions.append(condition)
        arguments.append(contentsOf: values)
    }
}

/// Rows of one page, already JSON, and whether more follow.
struct StoredPage: Sendable {
    var json: [String]
    /// The sort key of the last row, for the next cursor.
    var lastKey: String?
    var hasMore: Bool
}

/// One page of the change feed.
struct FeedSlice: Sendable {
    var entries: [String]
    /// Each entry's id, seq and op, for the feed faults.
    var keys: [(id: String, seq: Int64, isUpsert: Bool)] = []
    var lastSeq: Int64?
    var hasMore: Bool
    /// Read in the same transaction as the entries, so an expiry check cannot miss a trim.
    var head: Int64
    var droppedThrough: Int64
}

extension SandboxStore {
    /// Keyset pagination by id in byte order: `WHERE id > ? ORDER BY id LIMIT ?`.
    func page(table: String, filter: ListFilter, afterId: String?, limit: Int) async throws -> StoredPage {
        var filter = filter
        if let afterId { filter.add("id > ?", [afterId.databaseValue]) }
        let whereClause = filter.conditions.isEmpty ? "" : " WHERE " + filter.conditions.joined(separator: " AND ")
        let sql = "SELECT id, json FROM \(table)\(whereClause) ORDER BY id LIMIT ?"
        let arguments = StatementArguments(filter.arguments + [(limit + 1).databaseValue])
        return try await readPage(sql: sql, arguments: arguments, limit: limit) { row in row[0] }
    }

    /// A member's ledger, newest first; the key is "createdAtMicros:id".
    func ledgerPage(memberId: String, after key: String?, limit: Int) async throws -> StoredPage {
        var filter = ListFilter()
        filter.add("memberId = ?", [memberId.databaseValue])
        if let key {
            guard let split = key.firstIndex(of: ":"), let micros = Int64(key[..<split]) else {
                throw APIError.invalidRequest("The cursor is malformed.")
            }
            let id = String(key[key.index(after: split)...])
            filter.add("(createdAtMicros < ? OR (createdAtMicros = ? AND id < ?))",
                       [micros.databaseValue, micros.databaseValue, id.databaseValue])
        }
        let sql = "SELECT id, createdAtMicros, json FROM ledger WHERE " + filter.conditions.joined(separator: " AND ")
            + " ORDER BY createdAtMicros DESC, id DESC LIMIT ?"
        let arguments = StatementArguments(filter.arguments + [(limit + 1).databaseValue])
        return try await readPage(sql: sql, arguments: arguments, limit: limit) { row in
            let id: String = row[0]
            let micros: Int64 = row[1]
            return "\(micros):\(id)"
        }
    }

    /// Up to `limit` rows of a query that asks for one more, to tell whether more follow. Each
    /// row's JSON is its last column; `key` gives the sort key a next cursor starts after.
    private func readPage(sql: String, arguments: StatementArguments, limit: Int,
                          key: @escaping @Sendable (Row) -> String) async throws -> StoredPage {
        try await queue.read { db in
            var page = StoredPage(json: [], lastKey: nil, hasMore: false)
            page.json.reserveCapacity(limit)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                if page.json.count == limit { page.hasMore = true; break }
                page.lastKey = key(row)
                page.json.append(row[row.count - 1])
            }
            return page
        }
    }

    func objectJSON(table: String, id: String) async throws -> String? {
        try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE id = ?", arguments: [id])
        }
    }

    /// The feed's current head and each list's rows at that head, read together: the counts
    /// are the store's kept ones (a few meta rows), never a count of the tables.
    func feedHead() async throws -> (head: Int64, counts: ListCounts) {
        try await queue.read { db in
            func rows(_ table: String) throws -> Int? { try MetaValues.int(db, .rows(table: table)).map { Int($0) } }
            let counts = ListCounts(members: try rows("members"), redemptions: try rows("redemptions"),
                                    reviews: try rows("reviews"), requestLogs: try rows("request_logs"))
            return (try MetaValues.int(db, .headSeq) ?? 0, counts)
        }
    }

    /// Entries after `seq`, as JSON.
    func changes(after seq: Int64, limit: Int) async throws -> FeedSlice {
        try await queue.read { db in
            let head = try MetaValues.int(db, .headSeq) ?? 0
            let droppedThrough = try MetaValues.int(db, .droppedThrough) ?? 0
            var slice = FeedSlice(entries: [], lastSeq: nil, hasMore: false, head: head, droppedThrough: droppedThrough)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, type, op, id, version, object FROM changes WHERE seq > ? ORDER BY seq LIMIT ?
                """, arguments: [seq, limit + 1])
            while let row = try rows.next() {
                if slice.entries.count == limit { slice.hasMore = true; break }
                let entry = Self.feedEntry(row)
                slice.lastSeq = entry.seq
                slice.entries.append(entry.json)
                slice.keys.append((entry.id, entry.seq, entry.isUpsert))
            }
            return slice
        }
    }

    /// The feed entry of the same object just before `seq`, if history still holds one: the
    /// "older version" a faulty feed repeats after the newer one.
    func previousChange(id: String, before seq: Int64) async throws -> String? {
        try await queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT seq, type, op, id, version, object FROM changes WHERE id = ? AND seq < ? ORDER BY seq DESC LIMIT 1
                """, arguments: [id, seq]).map { Self.feedEntry($0).json }
        }
    }

    /// A change row as its wire JSON (`seq` is a string on the wire, contract §7).
    private static func feedEntry(_ row: Row) -> (json: String, id: String, seq: Int64, isUpsert: Bool) {
        let entrySeq: Int64 = row[0]
        let type: String = row[1], op: String = row[2], id: String = row[3]
        let version: Int64 = row[4]
        let object: String? = row[5]
        var out = JSONBytes(capacity: (object?.utf8.count ?? 4) + 128)
        out.raw("{\"id\":"); out.string(id)
        out.raw(",\"object\":"); out.raw(object ?? "null")
        out.raw(",\"op\":"); out.string(op)
        out.raw(",\"seq\":\""); out.int(Int(entrySeq)); out.raw("\"")
        out.raw(",\"type\":"); out.string(type)
        out.raw(",\"version\":"); out.int(Int(version))
        out.raw("}")
        let json = out.text
        return (json, id, entrySeq, op == ChangeOp.upsert.rawValue)
    }

    func snapshot() async throws -> SandboxSnapshot {
        try await queue.read { db in
            func all<T: StoredObject>(_ type: T.Type) throws -> [T] {
                let decoder = JSONDecoder()
                return try String.fetchAll(db, sql: "SELECT json FROM \(T.table.name) ORDER BY id")
                    .map { try decoder.decode(T.self, from: Data($0.utf8)) }
            }
            return SandboxSnapshot(members: try all(Member.self), redemptions: try all(Redemption.self),
                                   reviews: try all(Review.self), requestLogs: try all(RequestLog.self))
        }
    }

    /// Every ledger entry of a member, oldest first (for tests and the demo).
    func ledger(memberId: String) async throws -> [LedgerEntry] {
        try await queue.read { db in
            let decoder = JSONDecoder()
            return try String.fetchAll(db, sql: """
                SELECT json FROM ledger WHERE memberId = ? ORDER BY createdAtMicros, id
                """, arguments: [memberId]).map { try decoder.decode(LedgerEntry.self, from: Data($0.utf8)) }
        }
    }
}
