import Foundation
import Mirror
import RewardsContract

/// Request logs at known ages and a temporary mirror holding them, for the Error log's
/// query tests (Mirror) and its render and update tests (Console).
package enum ErrorLogMirror {
    package static let now = Date(timeIntervalSince1970: 1_795_336_867)  // 2026-11-22T08:41:07Z

    package static func log(_ id: String, code: ErrorCode, secondsAgo: Double, status: Int, retryable: Bool,
                            version: Int = 1) -> RequestLog {
        let at = Timestamp(now.addingTimeInterval(-secondsAgo))
        return RequestLog(id: id, version: version, createdAt: at, updatedAt: at, requestId: "req_\(id)", at: at,
                          method: "POST", path: "/v1/redemptions", httpStatus: status, code: code,
                          message: "m \(id)", retryable: retryable)
    }

    /// A mirror in a temporary file, removed by the caller with `remove`.
    package static func mirror(logs: [RequestLog]) throws -> MirrorStore {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-errorlog-\(UUID().uuidString).sqlite").path
        let mirror = try MirrorStore(path: path)
        let entries = logs.enumerated().map { index, log in
            ChangeEntry(seq: String(index + 1), type: .requestLog, op: .upsert, id: log.id, version: log.version,
                        object: .requestLog(log))
        }
        try mirror.applyChanges(entries, cursor: "c\(logs.count)", at: now)
        return mirror
    }

    package static func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }
}
