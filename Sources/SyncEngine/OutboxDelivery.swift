import Foundation
import Mirror
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// Queues a decision: the outbox row (key and exact body, and the key id, club and
    /// environment it belongs to) is written before anything is sent, so the action survives
    /// a crash, a kill or a lost network, and only this key ever sends it.
    @discardableResult
    public func enqueue(subject: ActionSubject, objectId: String, verb: ActionVerb, expectedVersion: Int, note: String?,
                        delaySeconds: Double = 0) throws -> OutboxEntry {
        guard let owner = try outboxOwner() else { throw KeyNotIdentified(keyId: client.credentials.keyId) }
        let request = ActionRequest(expectedVersion: expectedVersion, note: note)
        let entry = try mirror.enqueueAction(subject: subject, objectId: objectId, verb: verb, body: request.encodedBody(),
                                             baseVersion: expectedVersion, note: note,
                                             idempotencyKey: IdempotencyKey.make(), owner: owner,
                                             sendAfter: Date().addingTimeInterval(delaySeconds))
        audit(entry, result: "queued")
        wake()
        return entry
    }

    /// Withdraws a queued decision if it has not been sent, and says so in the audit.
    public func withdraw(seq: Int64) throws -> OutboxEntry? {
        guard try mirror.cancelOutboxEntry(seq: seq), let entry = try mirror.outboxEntry(seq: seq) else { return nil }
        audit(entry, result: "withdrawn")
        return entry
    }

    func audit(_ entry: OutboxEntry, result: String, code: String? = nil, requestId: String? = nil) {
        try? mirror.appendAudit(AuditEntry(at: Date(), profile: profileName, keyId: client.credentials.keyId,
                                           subject: entry.subject.rawValue, objectId: entry.objectId,
                                           verb: entry.verb.rawValue, note: entry.note, result: result, code: code,
                                           requestId: requestId, idempotencyKey: entry.idempotencyKey))
    }

    /// Sends this key's queued entries in order. A retryable failure leaves the entry queued
    /// (and, with `retryForever` false, stops); any other failure ends the entry as failed and
    /// moves on. Entries of other keys wait for their own key.
    func deliverOutbox(events: SyncEventHandler, retryForever: Bool) async throws {
        // Only this key's entries: a decision is never sent under another key (issue #16).
        guard let owner = try await onMirror({ _ in try self.outboxOwner() }) else { return }
        while let entry = try await onMirror({ try $0.nextOutboxEntry(for: owner) }) {
            try Task.checkCancellation()
            let wait = entry.sendAfter.timeIntervalSinceNow
            if wait > 0 {
                if !retryForever { return }
                try await Task.sleep(nanoseconds: UInt64(min(wait, 1) * 1_000_000_000))
                continue
            }
            guard try await onMirror({ try $0.markOutboxSending(seq: entry.seq) }) else { continue }
            do {
                let response = try await client.act(subject: entry.subject, id: entry.objectId, verb: entry.verb,
                                                    body: entry.body, idempotencyKey: entry.idempotencyKey)
                let object: ChangeObject
                switch response.outcome {
                case .review(let review): object = .review(review)
                case .redemption(let redemption): object = .redemption(redemption)
                }
                let done = try await onMirror { mirror in
                    try mirror.markOutboxDelivered(seq: entry.seq, result: object, requestId: response.requestId)
                    self.audit(entry, result: "delivered", requestId: response.requestId)
                    return try mirror.outboxEntry(seq: entry.seq)
                }
                if let done { events(.outboxDelivered(done)) }
            } catch let error as PlatformError {
                events(.error(error))
                if error.retryable {
                    try await onMirror { try $0.markOutboxWaiting(seq: entry.seq, code: error.code, message: error.message) }
                    if !retryForever { return }
                    try await Task.sleep(nanoseconds: 2_000_000_000)
                } else {
                    let failed = try await onMirror { mirror in
                        try mirror.markOutboxFailed(seq: entry.seq, code: error.code, message: error.message,
                                                    requestId: error.requestId)
                        self.audit(entry, result: "failed", code: error.code, requestId: error.requestId)
                        return try mirror.outboxEntry(seq: entry.seq)
                    }
                    if let failed { events(.outboxFailed(failed)) }
                }
            }
        }
    }
}
