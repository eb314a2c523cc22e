import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

/// The mirror must equal the platform whatever the network does: 500s, 503s and 429s with
/// Retry-After, slow replies, connections reset mid-body, a proxy's HTML 502, duplicate and
/// out-of-order feed entries (the sandbox's `heavy` faults).
@Suite(.serialized) struct FaultToleranceTests {
    @Test(.timeLimit(.minutes(10)))
    func underHeavyFaultsBootstrapAndTenThousandMutationsEndExact() async throws {
        let harness = try await SyncHarness.start(members: 20_000, seed: 99, pageSize: 1000,
                                                  policy: RetryPolicy(maxAttempts: 12, baseDelay: 0.1, maxDelay: 2,
                                                                      budgetSeconds: 120))
        defer { Task { await harness.stop() } }
        var heavy = FaultSettings.heavy
        heavy.seed = 20_261_123
        heavy.slowSeconds = 0.5...1.5
        harness.server.setFaults(heavy)

        try await harness.engine.syncOnce()
        try await harness.expectMirrorEqualsSandbox()

        // Faults only touch HTTP, so the mutations themselves are applied in-process.
        try await harness.server.simulateActivity(steps: 10_000, seed: 3)
        // Decisions go out under the same faults: each must be applied exactly once.
        let open = try harness.mirrorContents().reviews.filter { $0.status == .open }.prefix(15)
        var queued: [(seq: Int64, review: Review)] = []
        for review in open {
            queued.append((try harness.engine.enqueue(subject: .review, objectId: review.id, verb: .approve,
                                                      expectedVersion: review.version, note: nil).seq, review))
        }
        try await harness.engine.syncOnce()
        // Anything a retry budget left behind goes on the next pass, as the running console would.
        if try harness.mirror.pendingOutboxCount() > 0 { try await harness.engine.syncOnce() }
        harness.server.setFaults(.none)
        try await harness.engine.syncOnce()
        try await harness.expectMirrorEqualsSandbox()

        let reviews = try await harness.server.snapshot().reviews
        for (seq, review) in queued {
            let entry = try #require(try harness.mirror.outboxEntry(seq: seq))
            let atServer = reviews.first { $0.id == review.id }
            switch entry.state {
            case .delivered:
                #expect(atServer?.status == .approved)
                #expect(atServer?.decidedBy == harness.server.keys.ops.id)
            case .failed:
                // The review moved on (activity) before the decision went out: refused, not doubled.
                #expect(["version_conflict", "review_already_decided", "review_not_found"].contains(entry.errorCode ?? ""),
                        "entry \(seq) failed with \(entry.errorCode ?? "nil")")
            default:
                Issue.record("entry \(seq) still \(entry.state)")
            }
        }
        #expect(try harness.mirror.localErrors(limit: 10_000).count > 0, "heavy faults must have hit the client")
    }
}
