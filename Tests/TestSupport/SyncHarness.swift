import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import Testing

/// A sandbox on an ephemeral loopback port, a fresh mirror file, and a sync engine between.
package struct SyncHarness {
    package let server: SandboxServer
    package let mirror: MirrorStore
    package let engine: SyncEngine
    package let directory: URL

    package static func start(members: Int = 300, seed: UInt64 = 7, role: Role = .ops, pageSize: Int = 97,
                      policy: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2))
        async throws -> SyncHarness {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: members, seed: seed))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-sync-\(UUID().uuidString)")
        let mirror = try MirrorStore(path: directory.appendingPathComponent("mirror.sqlite").path)
        let key = role == .ops ? server.keys.ops : server.keys.support
        let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret),
                                    policy: policy,
                                    recorder: MirrorFailureRecorder(mirror: mirror))
        return SyncHarness(server: server, mirror: mirror, engine: SyncEngine(client: client, mirror: mirror, pageSize: pageSize),
                           directory: directory)
    }

    package func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Everything the mirror holds, as the contract's objects sorted by id.
    package func mirrorContents() throws -> SandboxSnapshot {
        var members: [Member] = [], redemptions: [Redemption] = [], reviews: [Review] = [], logs: [RequestLog] = []
        try mirror.forEachMember(batchSize: 50) { members += $0 }
        try mirror.forEachRedemption(batchSize: 50) { redemptions += $0 }
        try mirror.forEachReview(batchSize: 50) { reviews += $0 }
        try mirror.forEachRequestLog(batchSize: 50) { logs += $0 }
        return SandboxSnapshot(members: members, redemptions: redemptions, reviews: reviews, requestLogs: logs)
    }

    /// Asserts field for field that the mirror equals the sandbox, naming the first difference.
    package func expectMirrorEqualsSandbox(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let server = try await self.server.snapshot()
        let local = try mirrorContents()
        compare("members", server.members, local.members, sourceLocation)
        compare("redemptions", server.redemptions, local.redemptions, sourceLocation)
        compare("reviews", server.reviews, local.reviews, sourceLocation)
        compare("request logs", server.requestLogs, local.requestLogs, sourceLocation)
    }

    private func compare<T: Equatable & Identifiable>(_ name: String, _ server: [T], _ local: [T],
                                                      _ sourceLocation: SourceLocation) where T.ID == String {
        #expect(server.count == local.count, "\(name): sandbox has \(server.count), mirror \(local.count)",
                sourceLocation: sourceLocation)
        let localById = Dictionary(local.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let differing = server.filter { localById[$0.id] != $0 }
        #expect(differing.isEmpty, "\(name): \(differing.count) rows differ, first \(String(describing: differing.first)) vs \(String(describing: differing.first.flatMap { localById[$0.id] }))",
                sourceLocation: sourceLocation)
    }
}
