import Foundation
import GRDB

/// One line of the audit: a decision taken from the console and what came of it.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var seq: Int64
    public var at: Date
    public var profile: String?
    public var keyId: String
    public var subject: String
    public var objectId: String
    public var verb: String
    public var note: String?
    /// queued, delivered, failed or withdrawn.
    public var result: String
    public var code: String?
    public var requestId: String?
    public var idempotencyKey: String

    public init(seq: Int64 = 0, at: Date, profile: String?, keyId: String, subject: String, objectId: String, verb: String,
                note: String?, result: String, code: String?, requestId: String?, idempotencyKey: String) {
        self.seq = seq; self.at = at; self.profile = profile; self.keyId = keyId; self.subject = subject
        self.objectId = objectId; self.verb = verb; self.note = note; self.result = result; self.code = code
        self.requestId = requestId; self.idempotencyKey = idempotencyKey
    }
}

extension MirrorStore {
    public func appendAudit(_ entry: AuditEntry) throws {
        try writeOwnData { db in
            try db.execute(sql: """
                INSERT INTO audit (at, profile, keyId, subject, objectId, verb, note, result, code, requestId, idempotencyKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.at.timeIntervalSince1970, entry.profile, entry.keyId, entry.subject, entry.objectId,
                                 entry.verb, entry.note, entry.result, entry.code, entry.requestId, entry.idempotencyKey])
        }
    }

    /// Newest first.
    public func auditEntries(limit: Int = 500) throws -> [AuditEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT ?", arguments: [limit])
                .map(AuditEntry.init(row:))
        }
    }

    /// This mirror's decisions on one item, newest first.
    public func auditEntries(objectId: String, limit: Int = 50) throws -> [AuditEntry] {
        try pool.read { db in try Self.auditEntries(db, objectId: objectId, limit: limit) }
    }

    static func auditEntries(_ db: Database, objectId: String, limit: Int) throws -> [AuditEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM audit WHERE objectId = ? ORDER BY seq DESC LIMIT ?"),
                         arguments: [objectId, limit]).map(AuditEntry.init(row:))
    }
}

extension AuditEntry {
    init(row: Row) {
        self.init(seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), profile: row["profile"],
                  keyId: row["keyId"], subject: row["subject"], objectId: row["objectId"], verb: row["verb"],
                  note: row["note"], result: row["result"], code: row["code"], requestId: row["requestId"],
                  idempotencyKey: row["idempotencyKey"])
    }
}
