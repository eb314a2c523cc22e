import Foundation
import Mirror

extension SyncEngine {
    /// Sends the outbox until the entry `seq` has the platform's answer, or `deadline` passes,
    /// and returns the entry as it then stands (still pending when time ran out; nil if it is
    /// gone). Entries go strictly in order, so any queued before it go first, and one still in
    /// its undo window holds the rest back until it is sent or withdrawn.
    ///
    /// For a caller that waits for its decision instead of running the sync loop (the
    /// `approve` and `escalate` commands). Once answered, the feed is read to its end (best
    /// effort): a decision can change more than its own object.
    public func deliver(until seq: Int64, deadline: Date, events: SyncEventHandler = { _ in }) async throws -> OutboxEntry? {
        while true {
            try Task.checkCancellation()
            guard let entry = try await onMirror({ try $0.outboxEntry(seq: seq) }) else { return nil }
            if !entry.isPending {
                if try await mirror.cursor() != nil {
                    _ = try? await followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
                }
                return entry
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return entry }
            try await deliverOutbox(events: events, retryForever: false)
            if let answered = try await onMirror({ try $0.outboxEntry(seq: seq) }), !answered.isPending { continue }
            // Waiting: for an earlier entry's undo window, or after a retryable failure.
            try await Task.sleep(nanoseconds: UInt64(min(0.5, max(0.01, deadline.timeIntervalSinceNow)) * 1_000_000_000))
        }
    }
}
