import Foundation
import Mirror
import RewardsContract

/// Outbox entries come from the mirror; tests take them from a real, temporary one.
enum OutboxFixture {
    static func entry(objectId: String, state: String, baseVersion: Int, sendAfter: Date = .distantPast) throws -> OutboxEntry {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-outbox-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try MirrorStore(path: path)
        let entry = try mirror.enqueueAction(subject: .review, objectId: objectId, verb: .approve,
                                             body: ActionRequest(expectedVersion: baseVersion).encodedBody(),
                                             baseVersion: baseVersion, note: nil, idempotencyKey: "key-\(objectId)",
                                             sendAfter: sendAfter)
        if state == "failed" {
            try mirror.markOutboxFailed(seq: entry.seq, code: "version_conflict", message: "stale", requestId: "req_x")
            return try mirror.outboxEntry(seq: entry.seq) ?? entry
        }
        return entry
    }
}
