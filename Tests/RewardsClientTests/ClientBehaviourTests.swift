import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

/// The client's retry and error rules (contract §4, §9), against real sockets.
@Suite struct ClientBehaviourTests {
    /// These tests count attempts, not seconds: a budget no loaded test machine exhausts (the
    /// whole suite on two busy cores has starved a 60 s one), so only the attempts limit ends them.
    static let attemptsBudget = 600.0

    @Test func aSkewedClockIsReportedWithHowFarOffItIs() async throws {
        let harness = try await SyncHarness.start(members: 5, seed: 2)
        defer { Task { await harness.stop() } }
        let key = harness.server.keys.ops
        let client = PlatformClient(credentials: Credentials(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret),
                                    now: { Date().addingTimeInterval(1000) })
        let error = await #expect(throws: PlatformError.self) { try await client.me() }
        #expect(error?.code == "stale_timestamp")
        let skew = try #require(error?.clockSkewSeconds)
        #expect(abs(skew - 1000) <= 2)
        #expect(error?.message.contains("ahead of the server") == true)
        #expect(error?.attempts == 1, "not retryable")
    }

    @Test func transportFailuresOfAGetAreRetriedAndEachAttemptIsLogged() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let mirror = try MirrorStore(path: directory.appendingPathComponent("m.sqlite").path)
        // A port nothing listens on: connection refused, a transport failure.
        let client = PlatformClient(credentials: Credentials(baseURL: "http://127.0.0.1:9", keyId: "mr_test_abcdefghijklmnopqrstuvwx",
                                                             secret: "s"),
                                    policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02, budgetSeconds: Self.attemptsBudget),
                                    recorder: MirrorFailureRecorder(mirror: mirror))
        let error = await #expect(throws: PlatformError.self) { try await client.me() }
        #expect(error?.code == "transport_error")
        #expect(error?.attempts == 3)
        let logged = try mirror.localErrors()
        #expect(logged.count == 3)
        #expect(Set(logged.map(\.attempt)) == [1, 2, 3])
        #expect(logged.allSatisfy { $0.retryable && $0.method == "GET" && $0.path == "/v1/me" })
    }

    @Test func aPostWithoutAnIdempotencyKeyIsNeverRetried() async throws {
        let client = PlatformClient(credentials: Credentials(baseURL: "http://127.0.0.1:9", keyId: "mr_test_abcdefghijklmnopqrstuvwx",
                                                             secret: "s"),
                                    policy: RetryPolicy(maxAttempts: 5, baseDelay: 0.01, maxDelay: 0.02))
        let error = await #expect(throws: PlatformError.self) {
            _ = try await client.send(method: .POST, pathAndQuery: "/v1/reviews/rev_1/approve", body: Data("{}".utf8))
        }
        #expect(error?.attempts == 1)
    }

    @Test func backoffIsFullJitterUnderACap() {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 4)
        #expect(policy.backoff(afterAttempt: 1, random: 1) == 0.5)
        #expect(policy.backoff(afterAttempt: 3, random: 1) == 2)
        #expect(policy.backoff(afterAttempt: 10, random: 1) == 4)
        #expect(policy.backoff(afterAttempt: 10, random: 0) == 0)
        #expect(policy.backoff(afterAttempt: 2, random: 0.5) == 0.5)
    }

    @Test func credentialsNeverPrintTheirSecret() {
        let credentials = Credentials(baseURL: "http://x", keyId: "mr_test_abcdefghijklmnopqrstuvwx", secret: "hunter2-secret")
        #expect(!"\(credentials)".contains("hunter2"))
        #expect(!String(reflecting: credentials).contains("hunter2"))
    }
}
