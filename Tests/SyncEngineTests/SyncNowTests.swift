import Foundation
import Mirror
import RewardsClient
import RewardsContract
import SyncEngine
import Synchronization
import TestSupport
import Testing

/// `syncNow` (the console's `r`) cuts the feed loop's long-poll short and reads the feed at once.
/// The platform here keeps the contract except that a long-poll never answers (its body drips
/// one byte a minute), so nothing but the cut can bring the change made meanwhile in.
@Suite struct SyncNowTests {
    final class Feed: Sendable {
        /// A long-poll has been held open: the change "happens" then.
        let longPollSeen = Mutex(false)
        /// After that, a read of the feed is refused (403) instead of bringing the change.
        let refuseReads: Bool

        init(refuseReads: Bool = false) { self.refuseReads = refuseReads }

        func respond(_ request: HostileServer.Request) -> HostileServer.Reply {
            guard request.path == "/v1/changes" else { return HostilePlatform(.escapes).respond(request) }
            if request.query("waitSeconds") != nil {
                longPollSeen.withLock { $0 = true }
                return HostileServer.Reply(status: 200, headers: [("Content-Type", "application/json")],
                                           body: Array(repeating: UInt8(ascii: " "), count: 4096), dripEvery: .seconds(60))
            }
            let after = request.query("after") ?? ""
            guard longPollSeen.withLock({ $0 }), after != "c-changed" else {
                return .json(200, #"{"ok":true,"data":[],"page":{"nextCursor":"\#(after)","hasMore":false}}"#)
            }
            if refuseReads {
                return .json(403, #"{"ok":false,"error":{"code":"forbidden","message":"not today","retryable":false}}"#)
            }
            return .json(200, """
                {"ok":true,"data":[{"seq":"9","type":"member","op":"upsert","id":"mem_0001","version":2,"object":\
                {"id":"mem_0001","version":2,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T09:00:00Z",\
                "clubId":"\(HostilePlatform.clubId)","externalRef":"ext_mem_0001","name":"Renamed at once",\
                "email":"mem_0001@example.com","status":"active","pointsAvailable":99,"pointsPending":0,\
                "pointsLifetime":99,"payoutReady":true,"currency":"EUR","deletedAt":null}}],\
                "page":{"nextCursor":"c-changed","hasMore":false}}
                """)
        }
    }

    static func temporaryMirror() throws -> MirrorStore {
        try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-syncnow-\(UUID().uuidString).sqlite").path)
    }

    static func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }

    /// Polls (sleeping, never blocking a thread) until `condition` holds, at most `seconds`.
    static func eventually(_ seconds: Double = 60, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    func engine(_ server: HostileServer, _ mirror: MirrorStore) -> SyncEngine {
        let credentials = Credentials(baseURL: server.baseURL, keyId: "mr_test_hostilehostilehostilehost", secret: "s")
        return SyncEngine(client: PlatformClient(credentials: credentials,
                                                 policy: RetryPolicy(maxAttempts: 2, baseDelay: 0.05, maxDelay: 0.1)),
                          mirror: mirror, longPollSeconds: 25)
    }

    @Test func aSyncNowCutsTheLongPollShortAndReadsTheChangeAtOnce() async throws {
        let feed = Feed()
        let server = try await HostileServer.start(feed.respond)
        defer { Task { await server.stop() } }
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        let engine = engine(server, mirror)
        let running = Task { await engine.run(events: { _ in }) }
        defer { running.cancel() }

        #expect(await Self.eventually { feed.longPollSeen.withLock { $0 } }, "the feed loop holds a long-poll open")
        #expect(try mirror.member(id: "mem_0001")?.version == 1)
        let before = server.requests.count
        let applied = try await engine.syncNow(timeoutSeconds: 60)
        #expect(applied == 1)
        let member = try mirror.member(id: "mem_0001")
        #expect(member?.name == "Renamed at once" && member?.version == 2, "the change is in when syncNow returns")
        let reads = server.requests.dropFirst(before).filter { $0.path == "/v1/changes" }
        #expect(reads.first?.query("waitSeconds") == nil, "read at once, not by another long-poll")

        // The loop goes back to its long-poll, and answers the next request the same way.
        #expect(await Self.eventually {
            server.requests.dropFirst(before).contains { $0.path == "/v1/changes" && $0.query("waitSeconds") != nil }
        })
        #expect(try await engine.syncNow(timeoutSeconds: 60) == 0, "nothing new the second time")
    }

    @Test func withoutAFeedLoopItSaysSoAtOnce() async throws {
        let feed = Feed()
        let server = try await HostileServer.start(feed.respond)
        defer { Task { await server.stop() } }
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        let engine = engine(server, mirror)
        await #expect(throws: SyncNowError.notRunning) { try await engine.syncNow(timeoutSeconds: 60) }

        let running = Task { await engine.run(events: { _ in }) }
        #expect(await Self.eventually { feed.longPollSeen.withLock { $0 } })
        #expect(try await engine.syncNow(timeoutSeconds: 60) == 1)
        running.cancel()
        await running.value
        await #expect(throws: SyncNowError.notRunning) { try await engine.syncNow(timeoutSeconds: 60) }
    }

    @Test func aFailedReadIsTheAnswer() async throws {
        let feed = Feed(refuseReads: true)
        let server = try await HostileServer.start(feed.respond)
        defer { Task { await server.stop() } }
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        let engine = engine(server, mirror)
        let running = Task { await engine.run(events: { _ in }) }
        defer { running.cancel() }
        #expect(await Self.eventually { feed.longPollSeen.withLock { $0 } })
        let error = await #expect(throws: PlatformError.self) { try await engine.syncNow(timeoutSeconds: 60) }
        #expect(error?.code == "forbidden")
    }
}
