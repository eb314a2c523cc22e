import Foundation
import GRDB
import RewardsContract

/// A call of this console that failed, kept beside the platform's own request logs: the
/// client's `FailedCall`, with `seq` its row in the log.
public typealias LocalError = FailedCall

extension MirrorStore {
    public func recordLocalError(_ error: LocalError) throws {
        try writeOwnData { db in
            try db.execute(sql: """
                INSERT INTO local_errors (at, method, path, httpStatus, code, message, retryable, requestId,
                                          idempotencyKey, attempt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [error.at.timeIntervalSince1970, error.method, error.path, error.httpStatus, error.code,
                                 error.message, error.retryable, error.requestId, error.idempotencyKey, error.attempt])
            // A bounded log: the newest 10,000 failures are plenty to diagnose from.
            try db.execute(sql: "DELETE FROM local_errors WHERE seq <= (SELECT max(seq) - 10000 FROM local_errors)")
        }
    }

    public func localErrors(limit: Int = 100) throws -> [LocalError] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM local_errors ORDER BY seq DESC LIMIT ?", arguments: [limit]).map {
                LocalError(seq: $0["seq"], at: Date(timeIntervalSince1970: $0["at"]), method: $0["method"],
                           path: $0["path"], httpStatus: $0["httpStatus"], code: $0["code"], message: $0["message"],
                           retryable: $0["retryable"], requestId: $0["requestId"], idempotencyKey: $0["idempotencyKey"],
                           attempt: $0["attempt"])
            }
        }
    }
}
