import Foundation
import GRDB
import RewardsContract

/// One write transaction on the store. Every change of an object goes through here so that
/// its version, its `updatedAt`, its row and its feed entry always move together.
final class StoreTransaction {
    let db: Database
    let now: Date
    /// The `updatedAt` of everything this transaction changes.
    let stamp: Timestamp
    let club: ClubIdentity
    let ids: IdentifierScheme
    let encoder = JSONText.makeEncoder()
    private(set) var head: Int64
    private var counters: [ObjectKind: UInt64] = [:]
    /// Rows added (or, negative, purged) per object table, written back in `finish`.
    private var rowChanges: [String: Int64] = [:]
    private let incidents: Set<ClubIncident>
    /// Loaded on first use; written back in `finish` when a rule changed a balance.
    private var storedSettings: ClubSettings?
    private var settingsChanged = false

    init(db: Database, now: Date, club: ClubIdentity, ids: IdentifierScheme, incidents: Set<ClubIncident> = [])
        throws {
        self.db = db
        self.now = now
        self.stamp = Timestamp(now, fractionalDigits: 3)
        self.club = club
        self.ids = ids
        self.incidents = incidents
        self.head = try MetaValues.int(db, .headSeq) ?? 0
    }

    /// The settings the rules check: the stored ones with any open incident applied.
    func settings() throws -> ClubSettings {
        var settings = try stored()
        for incident in incidents { incident.apply(to: &settings) }
        return settings
    }

    /// Changes the stored settings (an incident never leaks into them).
    func updateSettings(_ change: (inout ClubSettings) -> Void) throws {
        var settings = try stored()
        change(&settings)
        storedSettings = settings
        settingsChanged = true
    }

    private func stored() throws -> ClubSettings {
        if let storedSettings { return storedSettings }
        let settings = try MetaValues.clubSettings(db)
        storedSettings = settings
        return settings
    }

    /// Runs `body` in a savepoint. If it throws, its writes are undone, and so are the feed
    /// head, id counters and settings it moved, so a refused request leaves no trace.
    func attempt<T>(_ body: () throws -> T) throws -> T {
        let saved = (head, counters, rowChanges, storedSettings, settingsChanged)
        var outcome: T?
        do {
            try db.inSavepoint {
                outcome = try body()
                return .commit
            }
        } catch {
            (head, counters, rowChanges, storedSettings, settingsChanged) = saved
            throw error
        }
        guard let outcome else { preconditionFailure("inSavepoint returned without running its body") }
        return outcome
    }

    func load<T: StoredObject>(_ type: T.Type, id: String) throws -> T? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM \(T.table.name) WHERE id = ?",
                                             arguments: [id]) else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    /// Writes a new object as given (its version is normally 1) and appends its upsert.
    func insert<T: StoredObject>(_ object: T) throws {
        let json = try write(object)
        rowChanges[T.table.name, default: 0] += 1
        try appendChange(type: T.table.changeType, op: .upsert, id: object.id, version: object.version, object: json)
    }

    /// Records a change to an existing object: version + 1, `updatedAt` now.
    func save<T: StoredObject>(_ object: inout T) throws {
        object.version += 1
        object.updatedAt = stamp
        let json = try write(object)
        try appendChange(type: T.table.changeType, op: .upsert, id: object.id, version: object.version, object: json)
    }

    /// A hard purge: the row goes, and the feed gets a delete with version = last version + 1.
    func purge<T: StoredObject>(_ type: T.Type, id: String) throws {
        guard let version = try Int.fetchOne(db, sql: "SELECT version FROM \(T.table.name) WHERE id = ?",
                                             arguments: [id]) else { return }
        try db.execute(sql: "DELETE FROM \(T.table.name) WHERE id = ?", arguments: [id])
        rowChanges[T.table.name, default: 0] -= 1
        try appendChange(type: T.table.changeType, op: .delete, id: id, version: version + 1, object: nil)
    }

    /// Ledger entries are never changed and are not in the feed; the member's change is.
    func post(_ entry: LedgerEntry) throws {
        try db.cachedStatement(sql: StoreRows.ledgerInsertSQL)
            .execute(arguments: StatementArguments(try StoreRows.ledgerRow(entry, encoder: encoder)))
    }

    /// The next unused id of a kind; generated data used the indices below the counter.
    func nextId(_ kind: ObjectKind) throws -> String {
        let index: UInt64
        if let cached = counters[kind] {
            index = cached
        } else {
            index = UInt64(try MetaValues.int(db, .counter(kind)) ?? 0)
        }
        counters[kind] = index + 1
        return ids.id(kind, index: index)
    }

    /// Persists the head and counters, and drops the oldest feed entries past the history limit.
    func finish(historyLimit: Int) throws {
        try MetaValues.set(db, .headSeq, head)
        for (kind, next) in counters { try MetaValues.set(db, .counter(kind), Int64(next)) }
        for (table, change) in rowChanges where change != 0 {
            try MetaValues.set(db, .rows(table: table), (try MetaValues.int(db, .rows(table: table)) ?? 0) + change)
        }
        if settingsChanged, let storedSettings { try MetaValues.setClubSettings(db, storedSettings) }
        let dropped = try MetaValues.int(db, .droppedThrough) ?? 0
        let limit = Int64(max(historyLimit, 1))
        // Trim in steps of a tenth so that a busy feed does not delete on every commit.
        if head - dropped > limit + limit / 10 {
            let newDropped = head - limit
            try db.execute(sql: "DELETE FROM changes WHERE seq <= ?", arguments: [newDropped])
            try MetaValues.set(db, .droppedThrough, newDropped)
        }
    }

    private func write<T: StoredObject>(_ object: T) throws -> String {
        let row = try StoreRows.objectRow(object, encoder: encoder)
        try db.cachedStatement(sql: T.table.upsertSQL).execute(arguments: StatementArguments(row.values))
        return row.json
    }

    private func appendChange(type: ChangeType, op: ChangeOp, id: String, version: Int, object: String?) throws {
        head += 1
        try db.cachedStatement(sql: "INSERT INTO changes(seq, type, op, id, version, object) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [head, type.rawValue, op.rawValue, id, version, object])
    }
}
