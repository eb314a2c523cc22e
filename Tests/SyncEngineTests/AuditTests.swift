import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

@Suite struct AuditTests {
    @Test func everyDecisionIsAuditedWithItsOutcome() async throws {
        let harness = try await SyncHarness.start(members: 120, seed: 31)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let open = try harness.mirrorContents().reviews.filter { $0.status == .open }
        let first = try #require(open.first)
        let second = try #require(open.dropFirst().first)
        try harness.engine.enqueue(subject: .review, objectId: first.id, verb: .escalate, expectedVersion: first.version,
                                   note: "finance to check")
        let withdrawn = try harness.engine.enqueue(subject: .review, objectId: second.id, verb: .approve,
                                                   expectedVersion: second.version, note: nil, delaySeconds: 60)
        #expect(try harness.engine.withdraw(seq: withdrawn.seq) != nil)
        try await harness.engine.syncOnce()

        let audit = try harness.mirror.auditEntries()
        let key = harness.server.keys.ops.id
        let delivered = try #require(audit.first { $0.objectId == first.id && $0.result == "delivered" })
        #expect(delivered.keyId == key && delivered.verb == "escalate" && delivered.note == "finance to check")
        #expect(delivered.requestId?.hasPrefix("req_") == true)
        #expect(audit.contains { $0.objectId == first.id && $0.result == "queued" })
        #expect(audit.contains { $0.objectId == second.id && $0.result == "withdrawn" })
        #expect(!audit.contains { $0.objectId == second.id && $0.result == "delivered" })
        #expect(try await harness.server.snapshot().reviews.first { $0.id == second.id }?.status == .open)
    }
}
