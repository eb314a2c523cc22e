import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

@Suite struct SyncIntegrationTests {
    @Test func bootstrapThenIncrementalSyncKeepsTheMirrorExact() async throws {
        let harness = try await SyncHarness.start(members: 300, seed: 7)
        defer { Task { await harness.stop() } }

        let bootstrapped = try await harness.engine.syncOnce()
        #expect(bootstrapped > 300)
        let firstCursor = try #require(try await harness.mirror.cursor())
        try await harness.expectMirrorEqualsSandbox()
        let identity = try #require(try harness.mirror.identity(keyId: harness.server.keys.ops.id))
        #expect(identity.clubId == harness.server.clubId)
        #expect(identity.role == .ops)

        // Changes on the sandbox, then an incremental sync from the stored cursor.
        try await harness.server.simulateActivity(steps: 400, seed: 11)
        let applied = try await harness.engine.syncOnce()
        #expect(applied >= 400, "the feed should carry at least one entry per step")
        #expect(try await harness.mirror.cursor() != firstCursor)
        try await harness.expectMirrorEqualsSandbox()

        // Nothing new: a further sync applies nothing and changes nothing.
        let idle = try await harness.engine.syncOnce()
        #expect(idle == 0)
        try await harness.expectMirrorEqualsSandbox()
    }

    @Test func purgedMembersLeaveOnlyATombstone() async throws {
        let harness = try await SyncHarness.start(members: 120, seed: 3)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let before = Set(try harness.mirrorContents().members.map(\.id))
        // Enough activity that the simulator purges some members (it does so now and then).
        try await harness.server.simulateActivity(steps: 1500, seed: 5)
        try await harness.engine.syncOnce()
        try await harness.expectMirrorEqualsSandbox()
        let after = try harness.mirrorContents()
        let purged = before.subtracting(Set(after.members.map(\.id)))
        try #require(!purged.isEmpty, "the simulator should have purged at least one member in 1500 steps")
        #expect(try harness.mirror.tombstoneCount() >= purged.count)
        for id in purged {
            #expect(try harness.mirror.member(id: id) == nil)
            #expect(!after.redemptions.contains { $0.memberId == id })
            #expect(!after.reviews.contains { $0.memberId == id })
        }
    }

    @Test func anApprovalGoesThroughTheOutboxExactlyOnce() async throws {
        let harness = try await SyncHarness.start(members: 200, seed: 21)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let open = try #require(try harness.mirrorContents().reviews.first { $0.status == .open })

        let entry = try harness.engine.enqueue(subject: .review, objectId: open.id, verb: .approve,
                                               expectedVersion: open.version, note: nil)
        #expect(try harness.mirror.pendingOutboxCount() == 1)
        try await harness.engine.syncOnce()

        let delivered = try #require(try harness.mirror.outboxEntry(seq: entry.seq))
        #expect(delivered.state == .delivered)
        #expect(delivered.resultVersion == open.version + 1)
        let atServer = try #require(try await harness.server.snapshot().reviews.first { $0.id == open.id })
        #expect(atServer.status == .approved)
        #expect(atServer.version == open.version + 1, "applied once: one version step")
        #expect(atServer.decidedBy == harness.server.keys.ops.id)
        #expect(try harness.mirror.review(id: open.id)?.status == .approved)
        try await harness.expectMirrorEqualsSandbox()
    }

    @Test func aStaleDecisionFailsWithVersionConflictAndIsKept() async throws {
        let harness = try await SyncHarness.start(members: 200, seed: 22)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let open = try #require(try harness.mirrorContents().reviews.first { $0.status == .open })
        let entry = try harness.engine.enqueue(subject: .review, objectId: open.id, verb: .escalate,
                                               expectedVersion: open.version - 1, note: "needs finance")
        try await harness.engine.syncOnce()
        let failed = try #require(try harness.mirror.outboxEntry(seq: entry.seq))
        #expect(failed.state == .failed)
        #expect(failed.errorCode == "version_conflict")
        #expect(failed.requestId?.hasPrefix("req_") == true)
        let logged = try harness.mirror.localErrors().first { $0.idempotencyKey == entry.idempotencyKey }
        #expect(logged?.code == "version_conflict")
        #expect(logged?.httpStatus == 409)
    }

    @Test func aWrongSecretSurfacesTheCodeAndRequestId() async throws {
        let harness = try await SyncHarness.start(members: 10, seed: 1)
        defer { Task { await harness.stop() } }
        let client = PlatformClient(credentials: Credentials(baseURL: harness.server.baseURL,
                                                             keyId: harness.server.keys.ops.id, secret: "not-the-secret"),
                                    recorder: MirrorFailureRecorder(mirror: harness.mirror))
        let engine = SyncEngine(client: client, mirror: harness.mirror)
        let error = await #expect(throws: PlatformError.self) { try await engine.syncOnce() }
        #expect(error?.code == "invalid_signature")
        #expect(error?.status == 401)
        #expect(error?.attempts == 1, "a 401 is not retried")
        #expect(error?.requestId?.hasPrefix("req_") == true)
        #expect(try harness.mirror.localErrors().first?.code == "invalid_signature")
        #expect(!String(describing: error).contains("not-the-secret"))
    }

    @Test func windowsPageThroughEveryMemberInOrder() async throws {
        let harness = try await SyncHarness.start(members: 250, seed: 8)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let filter = MemberFilter(includeDeleted: true)
        var seen: [String] = []
        var anchor = WindowAnchor.first
        while true {
            let window = try harness.mirror.membersWindow(filter, anchor: anchor, limit: 23)
            guard let last = window.last else { break }
            seen += window.map(\.object.id)
            anchor = .after(last.key)
        }
        let all = try harness.mirrorContents().members.map(\.id)
        #expect(seen == all)
        // Backwards from the end gives the same rows.
        let tail = try harness.mirror.membersWindow(filter, anchor: .last, limit: 23).map(\.object.id)
        #expect(tail == Array(all.suffix(23)))
    }
}
