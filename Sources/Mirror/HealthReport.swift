import Foundation
import GRDB
import RewardsContract

/// What `doctor` says about a mirror file.
public struct MirrorHealth: Sendable, Hashable {
    public var integrity: String
    public var lastSyncAt: Date?
    public var outboxPending: Int
    public var outboxFailed: Int
    public var lastError: String?
}

extension MirrorStore {
    public func healthReport() throws -> MirrorHealth {
        try pool.read { db in
            let integrity = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "unknown"
            let last = try Self.state(db, SyncStateKey.lastSyncAt).flatMap(RFC3339.parse)
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") ?? 0
            let failed = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state = 'failed'") ?? 0
            let error = try Row.fetchOne(db, sql: "SELECT code, path, requestId FROM local_errors ORDER BY seq DESC LIMIT 1")
                .map { row -> String in
                    let code: String = row["code"]
                    let path: String = row["path"]
                    let request: String? = row["requestId"]
                    return "\(code) on \(path)" + (request.map { " [request \($0)]" } ?? "")
                }
            return MirrorHealth(integrity: integrity, lastSyncAt: last, outboxPending: pending, outboxFailed: failed,
                                lastError: error)
        }
    }
}
