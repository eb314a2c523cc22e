import Foundation
import GRDB
import RewardsContract

public enum OutboxState: String, Sendable, Hashable {
    /// Written, not yet acknowledged by the server (it may have been sent before a crash:
    /// it goes again with the same key and body, and the server replays).
    case queued
    case sending
    case delivered
    case failed
    /// Withdrawn by the operator before it was sent.
    case cancelled
}

/// The key a decision was taken under, with the club and environment that key is of. An
/// entry is only ever sent under its own key.
public struct OutboxOwner: Sendable, Hashable {
    public var keyId: String
    public var clubId: String
    public var environment: Environment

    public init(keyId: String, clubId: String, environment: Environment) {
        self.keyId = keyId; self.clubId = clubId; self.environment = environment
    }
}

/// One decision on its way to the platform.
public struct OutboxEntry: Sendable, Hashable, Identifiable {
    public var seq: Int64
    public var idempotencyKey: String
    public var subject: ActionSubject
    public var objectId: String
    public var verb: ActionVerb
    public var body: Data
    public var baseVersion: Int
    public var note: String?
    public var sendAfter: Date
    public var state: OutboxState
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var errorCode: String?
    public var errorMessage: String?
    public var requestId: String?
    public var resultVersion: Int?
    /// Who may send it; nil only for entries that can never be sent (see the v6 migration).
    public var owner: OutboxOwner?

    public var id: Int64 { seq }
    public var isPending: Bool { state == .queued || state == .sending }

    init(row: Row) {
        seq = row["seq"]
        idempotencyKey = row["idempotencyKey"]
        subject = ActionSubject(rawValue: row["subject"]) ?? .review
        objectId = row["objectId"]
        verb = ActionVerb(rawValue: row["verb"])
        body = row["body"]
        baseVersion = row["baseVersion"]
        note = row["note"]
        sendAfter = Date(timeIntervalSince1970: row["sendAfter"])
        state = OutboxState(rawValue: row["state"]) ?? .failed
        attempts = row["attempts"]
        createdAt = Date(timeIntervalSince1970: row["createdAt"])
        updatedAt = Date(timeIntervalSince1970: row["updatedAt"])
        errorCode = row["errorCode"]
        errorMessage = row["errorMessage"]
        requestId = row["requestId"]
        resultVersion = row["resultVersion"]
        if let keyId: String = row["keyId"], let clubId: String = row["clubId"], let environment: String = row["environment"] {
            owner = OutboxOwner(keyId: keyId, clubId: clubId, environment: Environment(rawValue: environment))
        }
    }
}

extension MirrorStore {
    /// Writes a decision before anything is sent, so a crash or a lost network loses nothing.
    /// An entry without an `owner` is kept but never sent (no key may claim it).
    @discardableResult
    public func enqueueAction(subject: ActionSubject, objectId: String, verb: ActionVerb, body: Data, baseVersion: Int,
                              note: String?, idempotencyKey: String, owner: OutboxOwner? = nil,
                              sendAfter: Date = .distantPast, now: Date = Date()) throws -> OutboxEntry {
        try writeOwnData { db in
            try db.execute(sql: """
                INSERT INTO outbox (idempotencyKey, subject, objectId, verb, body, baseVersion, note, sendAfter, state,
                                    createdAt, updatedAt, keyId, clubId, environment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)
                """, arguments: [idempotencyKey, subject.rawValue, objectId, verb.rawValue, body, baseVersion, note,
                                 max(0, sendAfter.timeIntervalSince1970), now.timeIntervalSince1970,
                                 now.timeIntervalSince1970, owner?.keyId, owner?.clubId, owner?.environment.rawValue])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE seq = ?", arguments: [db.lastInsertedRowID])
            guard let row else { throw DatabaseError(message: "outbox entry vanished") }
            return OutboxEntry(row: row)
        }
    }

    /// The oldest undelivered entry of this owner: entries go out strictly in the order they
    /// were taken, and only under the key (of the club and environment) they were taken with.
    public func nextOutboxEntry(for owner: OutboxOwner) throws -> OutboxEntry? {
        try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM outbox WHERE keyId = ? AND state IN ('queued', 'sending') AND clubId = ? AND environment = ?
                ORDER BY seq LIMIT 1
                """), arguments: [owner.keyId, owner.clubId, owner.environment.rawValue])
                .map(OutboxEntry.init(row:))
        }
    }

    /// Claims an entry for sending; false when it was withdrawn (undo) a moment before.
    @discardableResult
    public func markOutboxSending(seq: Int64, now: Date = Date()) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updatedAt = ? WHERE seq = ? AND state IN ('queued', 'sending')",
                           arguments: [now.timeIntervalSince1970, seq])
            return db.changesCount > 0
        }
    }

    /// Records the server's answer and stores the object it returned, in one transaction.
    public func markOutboxDelivered(seq: Int64, result: ChangeObject, requestId: String?, now: Date = Date()) throws {
        let version: Int
        switch result {
        case .review(let review): version = review.version
        case .redemption(let redemption): version = redemption.version
        default: version = 0
        }
        try applyActionResult(result)
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET state = 'delivered', resultVersion = ?, requestId = ?, errorCode = NULL,
                    errorMessage = NULL, updatedAt = ? WHERE seq = ?
                """, arguments: [version, requestId, now.timeIntervalSince1970, seq])
        }
    }

    public func markOutboxFailed(seq: Int64, code: String, message: String, requestId: String?, now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET state = 'failed', errorCode = ?, errorMessage = ?, requestId = ?, updatedAt = ?
                WHERE seq = ?
                """, arguments: [code, message, requestId, now.timeIntervalSince1970, seq])
        }
    }

    /// Keeps an entry queued after a retryable failure, noting why it has not gone yet.
    public func markOutboxWaiting(seq: Int64, code: String, message: String, now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET state = 'queued', errorCode = ?, errorMessage = ?, updatedAt = ? WHERE seq = ?
                """, arguments: [code, message, now.timeIntervalSince1970, seq])
        }
    }

    /// Ends the undo window of every queued entry (of one key, or all): they go at once.
    /// Returns how many.
    @discardableResult
    public func expediteOutbox(keyId: String?, now: Date = Date()) throws -> Int {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET sendAfter = 0, updatedAt = ? WHERE state = 'queued' AND sendAfter > 0
                AND (? IS NULL OR keyId = ?)
                """, arguments: [now.timeIntervalSince1970, keyId, keyId])
            return db.changesCount
        }
    }

    /// Withdraws an entry that has not been sent yet. Returns false if it is already on its way.
    public func cancelOutboxEntry(seq: Int64, now: Date = Date()) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE outbox SET state = 'cancelled', updatedAt = ? WHERE seq = ? AND state = 'queued' AND attempts = 0
                """, arguments: [now.timeIntervalSince1970, seq])
            return db.changesCount > 0
        }
    }

    public func outboxEntry(seq: Int64) throws -> OutboxEntry? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE seq = ?", arguments: [seq]).map(OutboxEntry.init(row:))
        }
    }

    public func outboxEntries(limit: Int = 200) throws -> [OutboxEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY seq DESC LIMIT ?", arguments: [limit])
                .map(OutboxEntry.init(row:))
        }
    }

    /// The latest outbox entry of each of these objects, for showing pending/done/failed on rows.
    public func latestOutboxEntries(objectIds: [String]) throws -> [String: OutboxEntry] {
        guard !objectIds.isEmpty else { return [:] }
        return try pool.read { db in
            // The marks come in a few fixed counts, the spare ones NULL (which matches nothing),
            // so a screen of any height reuses one prepared statement.
            let slots = max(16, 1 << (Int.bitWidth - (objectIds.count - 1).leadingZeroBitCount))
            let marks = Array(repeating: "?", count: slots).joined(separator: ",")
            let statement = try db.cachedStatement(sql: """
                SELECT * FROM outbox WHERE seq IN (
                    SELECT max(seq) FROM outbox WHERE objectId IN (\(marks)) AND state != 'cancelled' GROUP BY objectId)
                """)
            let padding = Array(repeating: DatabaseValue.null, count: slots - objectIds.count)
            let rows = try Row.fetchAll(statement, arguments: StatementArguments(objectIds.map(\.databaseValue) + padding))
            var result: [String: OutboxEntry] = [:]
            for row in rows {
                let entry = OutboxEntry(row: row)
                result[entry.objectId] = entry
            }
            return result
        }
    }

    /// Undelivered entries: all of them, or only those one key may send.
    public func pendingOutboxCount(keyId: String? = nil) throws -> Int {
        try pool.read { db in
            guard let keyId else {
                return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')")) ?? 0
            }
            return try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM outbox WHERE keyId = ? AND state IN ('queued', 'sending')
                """), arguments: [keyId]) ?? 0
        }
    }

    /// Undelivered entries per key, for `doctor` to say whose decisions wait (nil: no key).
    public func pendingOutboxByKey() throws -> [String?: Int] {
        try pool.read { db in
            var result: [String?: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT keyId, count(*) AS n FROM outbox WHERE state IN ('queued', 'sending') GROUP BY keyId
                """) {
                result[row["keyId"] as String?] = row["n"]
            }
            return result
        }
    }
}
