import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

/// The demo's mirror goes with it: before its sandbox stops, what its outbox holds is sent,
/// undo windows cut short, and the answers waited for (bounded).
@Suite struct OutboxFlushTests {
    @Test func decisionsInTheirUndoWindowAreSentAndAnsweredBeforeTheDeadline() async throws {
        let harness = try await SyncHarness.start()
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let open = try harness.mirrorContents().reviews.filter { $0.status == .open || $0.status == .escalated }
        let approved = try #require(open.first)
        let escalated = try #require(open.dropFirst().first)
        let stale = try #require(open.dropFirst(2).first)
        try harness.engine.enqueue(subject: .review, objectId: approved.id, verb: .approve, expectedVersion: approved.version,
                                   note: nil, delaySeconds: 600)
        try harness.engine.enqueue(subject: .review, objectId: escalated.id, verb: .escalate,
                                   expectedVersion: escalated.version, note: "finance first", delaySeconds: 600)
        // A decision the platform refuses is answered too: it does not hold the flush up.
        try harness.engine.enqueue(subject: .review, objectId: stale.id, verb: .approve, expectedVersion: stale.version + 7,
                                   note: nil, delaySeconds: 600)
        let key = harness.server.keys.ops.id
        #expect(try harness.mirror.pendingOutboxCount(keyId: key) == 3)

        let left = try await harness.engine.flushOutbox(deadline: Date().addingTimeInterval(60))

        #expect(left == 0)
        #expect(try harness.mirror.pendingOutboxCount(keyId: key) == 0)
        let server = try await harness.server.snapshot().reviews
        #expect(server.first { $0.id == approved.id }?.status == .approved)
        let escalation = try #require(server.first { $0.id == escalated.id })
        #expect(escalation.status == .escalated && escalation.escalationLevel == escalated.escalationLevel + 1
                && escalation.note == "finance first")
        #expect(server.first { $0.id == stale.id }?.version == stale.version, "the refused decision changed nothing")
        let audit = try harness.mirror.auditEntries()
        #expect(audit.contains { $0.objectId == stale.id && $0.result == "failed" && $0.code == "version_conflict" })
    }

    @Test func anUnreachablePlatformGivesUpAtTheDeadlineAndKeepsTheDecision() async throws {
        let harness = try await SyncHarness.start(members: 60, seed: 5)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let review = try #require(try harness.mirrorContents().reviews.first { $0.status == .open })
        try harness.engine.enqueue(subject: .review, objectId: review.id, verb: .approve, expectedVersion: review.version,
                                   note: nil, delaySeconds: 600)
        await harness.server.stop()

        let left = try await harness.engine.flushOutbox(deadline: Date().addingTimeInterval(2))

        #expect(left == 1, "the decision is still there, unsent")
        #expect(try harness.mirror.pendingOutboxCount(keyId: harness.server.keys.ops.id) == 1)
    }
}
