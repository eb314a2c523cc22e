import Foundation
import Mirror

extension SyncEngine {
    /// Sends every decision of this key still in the outbox now, undo windows cut short, and
    /// waits for their answers until `deadline`. For a mirror about to go away with its outbox
    /// (the demo's, before its sandbox stops). Returns how many are still unsent.
    @discardableResult
    public func flushOutbox(deadline: Date) async throws -> Int {
        let keyId = client.credentials.keyId
        _ = try await onMirror { try $0.expediteOutbox(keyId: keyId) }
        while true {
            try Task.checkCancellation()
            let pending = try await onMirror { try $0.pendingOutboxCount(keyId: keyId) }
            if pending == 0 || Date() >= deadline { return pending }
            try await deliverOutbox(events: { _ in }, retryForever: false)
            if try await onMirror({ try $0.pendingOutboxCount(keyId: keyId) }) == 0 { return 0 }
            // A retryable failure: the next round after a pause, inside the deadline.
            try await Task.sleep(nanoseconds: UInt64(min(1, max(0.01, deadline.timeIntervalSinceNow)) * 1_000_000_000))
        }
    }
}
