import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import Synchronization
import TestSupport
import Testing

/// The mirror must equal the platform whatever happens to the process: `kill -9` at random
/// moments (mid-bootstrap, mid-feed, mid-delivery), restarts, a server that goes away.
@Suite(.serialized) struct CrashRecoveryTests {
    @Test func twentyKillsAtRandomMomentsLoseNothingAndDuplicateNothing() async throws {
        let harness = try await SyncHarness.start(members: 6000, seed: 41)
        defer { Task { await harness.stop() } }
        let mirrorPath = harness.mirror.path
        let log = harness.directory.appendingPathComponent("sync.log")
        let key = harness.server.keys.ops
        var random = SeededRandom(seed: 20_261_123)
        var queued: [(seq: Int64, reviewId: String, version: Int)] = []

        for round in 0..<20 {
            let sync = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                             mirror: mirrorPath, once: false, log: log)
            // The sandbox keeps changing while the process runs; some rounds also queue decisions.
            try await harness.server.simulateActivity(steps: Int.random(in: 5...60, using: &random),
                                                      seed: UInt64(round) + 1)
            if round % 3 == 0, let open = try harness.mirrorContents().reviews.first(where: {
                $0.status == .open && !queued.map(\.reviewId).contains($0.id)
            }) {
                let entry = try harness.engine.enqueue(subject: .review, objectId: open.id, verb: .approve,
                                                       expectedVersion: open.version, note: "round \(round)")
                queued.append((entry.seq, open.id, open.version))
            }
            try await Task.sleep(nanoseconds: UInt64.random(in: 20_000_000...1_200_000_000, using: &random))
            sync.kill9()
        }

        // A last, uninterrupted run brings everything home.
        let final = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: mirrorPath, once: true, log: log)
        let status = try await final.wait(timeoutSeconds: 120)
        #expect(status == 0, "the final sync failed; see \(log.path)")
        try await harness.expectMirrorEqualsSandbox()

        // Every queued decision reached the server exactly once.
        let server = try await harness.server.snapshot()
        for item in queued {
            let entry = try #require(try harness.mirror.outboxEntry(seq: item.seq))
            let review = try #require(server.reviews.first { $0.id == item.reviewId })
            if entry.state == .delivered {
                #expect(review.status == .approved)
                #expect(review.decidedBy == key.id)
            } else {
                // The feed may have moved the review on before the decision went out: then the
                // server refused it, and the entry says why.
                #expect(entry.state == .failed, "entry \(item.seq) ended \(entry.state)")
                #expect(["version_conflict", "review_already_decided"].contains(entry.errorCode ?? ""))
            }
        }
        #expect(try harness.mirror.pendingOutboxCount() == 0)
    }

    /// Starts `sync --once` and kills it (-9) as soon as the mirror's pass is `when` says
    /// (looked at every 5 ms, for at most a minute); returns the pass it was caught in.
    static func killSync(_ harness: SyncHarness, log: URL, when: (BootstrapPass) -> Bool) async throws -> BootstrapPass? {
        let key = harness.server.keys.ops
        let sync = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                         mirror: harness.mirror.path, once: true, log: log)
        defer { sync.kill9() }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, sync.process.isRunning {
            if let pass = try? await harness.mirror.bootstrapPass(), when(pass) { return pass }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return nil
    }

    @Test func aKillDuringTheMembersAfterTheQueueLoadedResumesAndEndsExact() async throws {
        let harness = try await SyncHarness.start(members: 30_000, seed: 43)
        defer { Task { await harness.stop() } }
        let log = harness.directory.appendingPathComponent("sync.log")
        let key = harness.server.keys.ops
        // Killed once the queue's lists are done and members are arriving.
        let caught = try await Self.killSync(harness, log: log) { pass in
            pass.lists[.review]?.done == true && pass.lists[.redemption]?.done == true
                && pass.lists[.requestLog]?.done == true && (pass.lists[.member]?.rows ?? 0) > 0
        }
        let pass = try #require(caught, "the sync should have been caught reading members; see \(log.path)")
        let membersAtKill = pass.lists[.member]?.rows ?? 0
        #expect(membersAtKill < 30_000, "killed before the members were all read")
        // The queue is on screen already, although the bootstrap did not finish.
        let server = try await harness.server.snapshot()
        #expect(try harness.mirror.rowCounts()["review"] == server.reviews.count)
        #expect(try await harness.mirror.cursor() == nil)

        let again = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: harness.mirror.path, once: true, log: log)
        #expect(try await again.wait(timeoutSeconds: 120) == 0, "the resumed sync failed; see \(log.path)")
        let resumed = try String(contentsOf: log, encoding: .utf8)
        #expect(resumed.contains("resuming the bootstrap"), "the second run resumes the pass")
        try await harness.expectMirrorEqualsSandbox()
        #expect(try await harness.mirror.bootstrapPass() == nil)
    }

    /// The queue's lists and the members load at once: a kill while both are half read leaves
    /// two unfinished lists (one with its indexes deferred), and the next run resumes both.
    @Test func aKillWhileTheQueueAndTheMembersBothLoadResumesBothAndEndsExact() async throws {
        let harness = try await SyncHarness.start(members: 30_000, seed: 47)
        defer { Task { await harness.stop() } }
        // Request log pages slowed, so that members arrive while the logs are still being read.
        harness.server.setListDelays(ListDelays([.requestLogs: .milliseconds(150)]))
        let log = harness.directory.appendingPathComponent("sync.log")
        let key = harness.server.keys.ops
        let caught = try await Self.killSync(harness, log: log) { pass in
            pass.lists[.requestLog]?.done != true && (pass.lists[.requestLog]?.rows ?? 0) > 0
                && (pass.lists[.member]?.rows ?? 0) > 0
        }
        let pass = try #require(caught, "the sync should have been caught reading request logs and members; see \(log.path)")
        #expect(pass.lists[.member]?.done != true)
        #expect(try harness.mirror.indexNames(of: .requestLog).isEmpty, "the logs' indexes wait for their last page")

        harness.server.setListDelays(ListDelays())
        let again = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: harness.mirror.path, once: true, log: log)
        #expect(try await again.wait(timeoutSeconds: 120) == 0, "the resumed sync failed; see \(log.path)")
        #expect(try String(contentsOf: log, encoding: .utf8).contains("resuming the bootstrap"))
        try await harness.expectMirrorEqualsSandbox()
        #expect(try await harness.mirror.bootstrapPass() == nil)
        #expect(try harness.mirror.indexNames(of: .requestLog) == ["request_logs_recent", "request_logs_groups"])
    }

    @Test func decisionsQueuedWhileTheServerIsDownArriveOnceItIsBack() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-down-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("sandbox.sqlite").path
        let mirrorPath = directory.appendingPathComponent("mirror.sqlite").path
        let log = directory.appendingPathComponent("sync.log")
        let options = SandboxOptions(port: 0, members: 300, seed: 5, statePath: state)

        var server = try await SandboxServer.start(options)
        let key = server.keys.ops
        let mirror = try MirrorStore(path: mirrorPath)
        let first = try SyncProcess.start(baseURL: server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: mirrorPath, once: true, log: log)
        #expect(try await first.wait(timeoutSeconds: 60) == 0)
        let open = try #require(try mirror.reviewsWindow(ReviewFilter(statuses: [.open]), anchor: .first, limit: 3))
        let downURL = server.baseURL
        await server.stop()

        // Offline: the decisions are written, a sync attempt fails, nothing is lost.
        let client = PlatformClient(credentials: Credentials(baseURL: downURL, keyId: key.id, secret: key.secret),
                                    policy: .none)
        let engine = SyncEngine(client: client, mirror: mirror)
        var seqs: [Int64] = []
        for row in open {
            seqs.append(try engine.enqueue(subject: .review, objectId: row.object.review.id, verb: .approve,
                                           expectedVersion: row.object.review.version, note: nil).seq)
        }
        let offline = try SyncProcess.start(baseURL: downURL, keyId: key.id, secret: key.secret, mirror: mirrorPath,
                                            once: true, log: log)
        #expect(try await offline.wait(timeoutSeconds: 120) != 0, "a sync against a stopped server must fail")
        #expect(try mirror.pendingOutboxCount() == open.count)

        // The server comes back (same state file, a new port); a crash mid-delivery, then a restart.
        server = try await SandboxServer.start(options)
        let crashed = try SyncProcess.start(baseURL: server.baseURL, keyId: key.id, secret: key.secret,
                                            mirror: mirrorPath, once: true, log: log)
        try await Task.sleep(nanoseconds: 150_000_000)
        crashed.kill9()
        let again = try SyncProcess.start(baseURL: server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: mirrorPath, once: true, log: log)
        #expect(try await again.wait(timeoutSeconds: 60) == 0)

        let reviews = try await server.snapshot().reviews
        for (seq, row) in zip(seqs, open) {
            let entry = try #require(try mirror.outboxEntry(seq: seq))
            #expect(entry.state == .delivered)
            let review = try #require(reviews.first { $0.id == row.object.review.id })
            #expect(review.status == .approved)
            #expect(review.version == row.object.review.version + 1, "applied exactly once")
        }
        await server.stop()
    }

    @Test func anExpiredCursorRebootstrapsAndDropsWhatTheServerDeleted() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 400, seed: 9, feedHistoryLimit: 50))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-410-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mirror = try MirrorStore(path: directory.appendingPathComponent("mirror.sqlite").path)
        let key = server.keys.ops
        let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret))
        let engine = SyncEngine(client: client, mirror: mirror, pageSize: 113)
        try await engine.syncOnce()
        let before = try mirror.counts()

        // Far more changes than the server keeps, purges among them.
        try await server.simulateActivity(steps: 1500, seed: 77)
        let sawExpiry = Mutex(false)
        try await engine.syncOnce { event in
            if case .error(let error) = event, error.code == "cursor_expired" { sawExpiry.withLock { $0 = true } }
        }
        #expect(sawExpiry.withLock { $0 }, "the cursor should have expired")
        let snapshot = try await server.snapshot()
        var members: [Member] = []
        try mirror.forEachMember { members += $0 }
        #expect(members == snapshot.members)
        var reviews: [Review] = []
        try mirror.forEachReview { reviews += $0 }
        #expect(reviews == snapshot.reviews)
        #expect(before.members > 0)
        await server.stop()
    }

    @Test func aPurgeLeavesNothingOfTheMemberInTheMirrorFiles() async throws {
        let harness = try await SyncHarness.start(members: 150, seed: 13)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let before = try harness.mirrorContents().members
        try await harness.server.simulateActivity(steps: 1500, seed: 5)
        try await harness.engine.syncOnce()
        let after = Set(try harness.mirrorContents().members.map(\.id))
        let purged = before.filter { !after.contains($0.id) }
        try #require(!purged.isEmpty, "expected the simulator to purge members")
        try harness.mirror.checkpoint()
        var files = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: harness.mirror.path + suffix) { files.append(data) }
        }
        // The search works: a member still in the mirror is found in the same bytes.
        let kept = try #require(try harness.mirrorContents().members.first)
        #expect(files.range(of: Data(kept.email.utf8)) != nil, "control: a kept member's email must be found")
        for member in purged {
            // Email and external reference are unique to the member (names repeat across members).
            #expect(files.range(of: Data(member.email.utf8)) == nil, "\(member.id)'s email is still in the file")
            #expect(files.range(of: Data(member.externalRef.utf8)) == nil, "\(member.id)'s externalRef is still in the file")
        }
    }
}
