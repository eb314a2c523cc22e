import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import Synchronization
import TestSupport
import Testing

/// After `410 cursor_expired` the mirror is read again from scratch, but the operator never
/// looks at a blank screen: the old rows stay until the new pass completes, and only then do
/// the rows the server no longer has disappear. Decisions in the outbox stay.
@Suite struct RebootstrapTests {
    @Test func anExpiredCursorKeepsTheOldRowsUntilTheNewPassEnds() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 400, seed: 9, feedHistoryLimit: 50))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-rebootstrap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mirror = try MirrorStore(path: directory.appendingPathComponent("mirror.sqlite").path)
        let key = server.keys.ops
        let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret))
        let engine = SyncEngine(client: client, mirror: mirror, pageSize: 60)
        try await engine.syncOnce()
        try await engine.buildSearchIndex()
        var before: [Member] = []
        try mirror.forEachMember { before += $0 }

        // A decision waiting in the outbox (its undo window is an hour) must survive the pass.
        let open = try #require(try mirror.reviewsWindow(ReviewFilter(statuses: [.open]), anchor: .first, limit: 1).first)
        let queued = try engine.enqueue(subject: .review, objectId: open.object.review.id, verb: .escalate,
                                        expectedVersion: open.object.review.version, note: "later",
                                        delaySeconds: 3600)

        // Far more changes than the server keeps, purges among them.
        try await server.simulateActivity(steps: 1500, seed: 77)
        let snapshot = try await server.snapshot()
        let kept = Set(snapshot.members.map(\.id))
        let purged = before.filter { !kept.contains($0.id) }
        try #require(!purged.isEmpty, "the simulator should have purged members in 1500 steps")

        struct Seen: Sendable {
            var replaces = false
            var expired = false
            var memberPages = 0
            /// Purged members still in the mirror at each member page of the new pass.
            var purgedStillThere: [Int] = []
            var ended: (removed: Int, replaced: Bool)?
        }
        let seen = Mutex(Seen())
        let purgedIds = purged.map(\.id)
        try await engine.syncOnce { event in
            switch event {
            case .error(let error) where error.code == "cursor_expired":
                seen.withLock { $0.expired = true }
            case .progress(.passStarted(let pass)):
                seen.withLock { $0.replaces = pass.replacesRows }
            case .progress(.list(let list)) where list.kind == .member:
                let present = purgedIds.filter { (try? mirror.member(id: $0)) != nil }.count
                seen.withLock { $0.memberPages += 1; $0.purgedStillThere.append(present) }
            case .progress(.passEnded(_, let removed, let replaced)):
                seen.withLock { $0.ended = (removed, replaced) }
            default: break
            }
        }
        let result = seen.withLock { $0 }
        #expect(result.expired, "the cursor should have expired")
        #expect(result.replaces, "the pass replaces rows the mirror already showed")
        #expect(result.memberPages >= 2)
        // Through every page of the pass, even the last, the old rows are all still browsable.
        #expect(result.purgedStillThere == Array(repeating: purged.count, count: result.memberPages))
        #expect((result.ended?.removed ?? 0) >= purged.count)
        #expect(result.ended?.replaced == true)

        // Once it ends, the mirror is exact: the purged members are gone.
        var after: [Member] = []
        try mirror.forEachMember { after += $0 }
        #expect(after == snapshot.members)
        var reviews: [Review] = []
        try mirror.forEachReview { reviews += $0 }
        #expect(reviews.map(\.id) == snapshot.reviews.map(\.id))
        for member in purged { #expect(try mirror.member(id: member.id) == nil) }
        let entry = try #require(try mirror.outboxEntry(seq: queued.seq))
        #expect(entry.state == .queued, "the outbox survives a re-bootstrap")
        await server.stop()
    }
}
