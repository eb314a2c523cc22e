import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Synchronization
import Testing

/// A mirror never mixes keys, clubs or environments: another club's key is refused before
/// anything is read into the mirror, a decision goes out only under its own key, and a
/// cursor the server does not know starts one new bootstrap.
@Suite(.serialized) struct MirrorBindingSyncTests {
    func engine(_ mirror: MirrorStore, baseURL: String, key: SandboxKey, policy: RetryPolicy = .standard) -> SyncEngine {
        SyncEngine(client: PlatformClient(credentials: Credentials(baseURL: baseURL, keyId: key.id, secret: key.secret),
                                          policy: policy),
                   mirror: mirror, pageSize: 97)
    }

    @Test func anotherClubsKeyIsRefusedAndTheMirrorIsUntouched() async throws {
        let harness = try await SyncHarness.start(members: 60, seed: 7)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let before = try harness.mirrorContents()
        let cursor = try await harness.mirror.cursor()

        let other = try await SandboxServer.start(SandboxOptions(port: 0, members: 40, seed: 8))
        defer { Task { await other.stop() } }
        #expect(other.clubId != harness.server.clubId)
        let foreign = engine(harness.mirror, baseURL: other.baseURL, key: other.keys.ops)
        let error = await #expect(throws: MirrorIdentityMismatch.self) { try await foreign.syncOnce() }
        #expect(error?.description.contains(harness.server.clubId) == true)
        #expect(error?.description.contains(other.clubId) == true)
        #expect(error?.description.contains(other.keys.ops.id) == true)
        let after = try harness.mirrorContents()
        #expect(after.members == before.members && after.reviews == before.reviews
                && after.redemptions == before.redemptions && after.requestLogs == before.requestLogs,
                "nothing of the other club was read in")
        #expect(try await harness.mirror.cursor() == cursor)
        #expect(try harness.mirror.identity(keyId: other.keys.ops.id) == nil)
    }

    @Test func aDecisionIsNeverSentUnderAnotherKey() async throws {
        let harness = try await SyncHarness.start(members: 80, seed: 12)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let open = try #require(try harness.mirrorContents().reviews.first { $0.status == .open })
        let entry = try harness.engine.enqueue(subject: .review, objectId: open.id, verb: .approve,
                                               expectedVersion: open.version, note: nil)
        #expect(entry.owner?.keyId == harness.server.keys.ops.id)

        // The same club's support key syncs this mirror: it must not send the ops key's decision.
        let support = engine(harness.mirror, baseURL: harness.server.baseURL, key: harness.server.keys.support)
        try await support.syncOnce()
        #expect(try harness.mirror.outboxEntry(seq: entry.seq)?.state == .queued)
        #expect(try await harness.server.snapshot().reviews.first { $0.id == open.id }?.status == .open)
        #expect(try harness.mirror.identity(keyId: harness.server.keys.support.id)?.role == .support)
        #expect(throws: KeyNotIdentified.self) {
            try engine(harness.mirror, baseURL: harness.server.baseURL,
                       key: SandboxKey(id: "mr_test_neverseenneverseenneverse", secret: "x"))
                .enqueue(subject: .review, objectId: open.id, verb: .approve, expectedVersion: open.version, note: nil)
        }

        // Its own key sends it.
        try await harness.engine.syncOnce()
        #expect(try harness.mirror.outboxEntry(seq: entry.seq)?.state == .delivered)
        #expect(try await harness.server.snapshot().reviews.first { $0.id == open.id }?.decidedBy == harness.server.keys.ops.id)
    }

    @Test func aCursorTheServerDoesNotKnowStartsOneNewBootstrap() async throws {
        let harness = try await SyncHarness.start(members: 50, seed: 21)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        // A cursor from somewhere else (a restored file, another platform): the server says 400.
        try await harness.mirror.applyChanges([], cursor: "bm90IGEgY3Vyc29y")
        try await harness.server.simulateActivity(steps: 30, seed: 4)
        let sawRefusal = ErrorLog()
        try await harness.engine.syncOnce { event in
            if case .error(let error) = event { sawRefusal.add(error.code) }
        }
        #expect(sawRefusal.codes == ["invalid_request"])
        try await harness.expectMirrorEqualsSandbox()
    }

    @Test func aServerThatRefusesEveryCursorStopsAfterOneNewBootstrap() async throws {
        let server = try await HostileServer.start(HostilePlatform(.invalidCursor).respond)
        defer { Task { await server.stop() } }
        let mirror = try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-400-\(UUID().uuidString).sqlite").path)
        let refused = engine(mirror, baseURL: server.baseURL, key: SandboxKey(id: "mr_test_hostilehostilehostilehost", secret: "s"))
        let error = await #expect(throws: PlatformError.self) { try await refused.syncOnce() }
        #expect(error?.status == 400)
        #expect(error?.description.contains("fresh bootstrap too") == true)
        #expect(server.requests.filter { $0.path == "/v1/changes/head" }.count == 2, "one bootstrap, then one more")
    }

    @Test func aServerThatExpiresEveryCursorStopsAfterAFewBackedOffBootstraps() async throws {
        let server = try await HostileServer.start(HostilePlatform(.feedExpired).respond)
        defer { Task { await server.stop() } }
        let mirror = try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-410-\(UUID().uuidString).sqlite").path)
        let expiring = SyncEngine(client: PlatformClient(credentials: Credentials(baseURL: server.baseURL,
                                                                                   keyId: "mr_test_hostilehostilehostilehost",
                                                                                   secret: "s")),
                                  mirror: mirror, feedRecovery: FeedRecoveryPolicy(maxExpiredRebootstraps: 3, baseDelaySeconds: 0.1))
        let error = await #expect(throws: PlatformError.self) { try await expiring.syncOnce() }
        #expect(error?.code == "cursor_expired")
        #expect(error?.description.contains("expired 4 times") == true)
        #expect(server.requests.filter { $0.path == "/v1/changes/head" }.count == 4, "the first bootstrap and three more")
    }
}

/// Codes seen by an event handler (which is `@Sendable`).
final class ErrorLog: Sendable {
    private let seen = Mutex<[String]>([])
    func add(_ code: String) { seen.withLock { $0.append(code) } }
    var codes: [String] { seen.withLock { $0 } }
}
