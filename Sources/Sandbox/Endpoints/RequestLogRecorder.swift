import Foundation
import RewardsContract

/// Writes the request log of contract §5: every failed call (status ≥ 400) that a key of this
/// club, in this environment, made with a method other than GET. Those are the club's
/// integrations' calls and the console's actions; the console's reads are not logged (§11).
struct RequestLogRecorder: Sendable {
    let store: SandboxStore

    func record(requestId: String, method: String, path: String, reply: APIReply, idempotencyKey: String?) async {
        guard reply.status >= 400,
              let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(reply.body)) else { return }
        let error = envelope.error
        let key = idempotencyKey.map { String($0.prefix(255)) }
        // A log that cannot be written (the store is closing) must not turn the answer into a 500.
        try? await store.write { transaction in
            let stamp = transaction.stamp
            try transaction.insert(RequestLog(
                id: try transaction.nextId(.requestLog), version: 1, createdAt: stamp, updatedAt: stamp,
                requestId: requestId, at: stamp, method: method, path: path, httpStatus: reply.status, code: error.code,
                message: error.message, retryable: error.retryable, idempotencyKey: key, details: error.details))
        }
    }
}
