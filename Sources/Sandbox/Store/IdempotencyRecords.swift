import Foundation
import GRDB

/// Stored responses of actions, per club and key, kept 24 hours (contract §8, §11).
///
/// They live in the same database and are read and written in the action's own write
/// transaction: the record commits with the change it describes, and since writes are
/// serialised, two requests with the same key cannot both run the action.
enum IdempotencyRecords {
    static let lifetime: TimeInterval = 24 * 3600
    /// Responses with these statuses are stored; others mean "not applied" and may be retried.
    static let storedStatuses: Set<Int> = [200, 404, 409, 422]

    struct Record: Sendable {
        let method: String
        let path: String
        let bodyHash: String
        let status: Int
        let body: [UInt8]
    }

    static func find(_ db: Database, clubId: String, key: String, now: Date) throws -> Record? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT method, path, bodyHash, status, body, createdAt FROM idempotency WHERE clubId = ? AND key = ?
            """, arguments: [clubId, key]) else { return nil }
        let createdAt: Double = row["createdAt"]
        if createdAt < now.timeIntervalSince1970 - lifetime {
            try db.execute(sql: "DELETE FROM idempotency WHERE clubId = ? AND key = ?", arguments: [clubId, key])
            return nil
        }
        let body: Data = row["body"]
        return Record(method: row["method"], path: row["path"], bodyHash: row["bodyHash"], status: row["status"],
                      body: Array(body))
    }

    /// Deletes the records older than 24 hours; the server calls it now and then, so that a
    /// long run with steady traffic keeps a day of records, not every record ever made.
    static func sweep(_ db: Database, now: Date) throws {
        try db.execute(sql: "DELETE FROM idempotency WHERE createdAt < ?",
                       arguments: [now.timeIntervalSince1970 - lifetime])
    }

    static func save(_ db: Database, clubId: String, key: String, record: Record, now: Date) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO idempotency(clubId, key, method, path, bodyHash, status, body, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [clubId, key, record.method, record.path, record.bodyHash, record.status,
                             Data(record.body), now.timeIntervalSince1970])
    }
}
