import Foundation
import RewardsClient
import RewardsContract
import Synchronization
import TestSupport
import Testing

/// Every call ends, within its budget, whatever the server does: a `Retry-After` of any
/// size, a body dripped a byte a second, a redirect, a body too large, nobody listening.
@Suite struct BoundedClientTests {
    /// These tests count attempts, not seconds: a budget no loaded test machine exhausts (the
    /// whole suite on two busy cores has starved a 60 s one), so only the attempts limit ends them.
    static let attemptsBudget = 600.0

    static let key = "mr_test_abcdefghijklmnopqrstuvwx"

    func client(_ server: HostileServer, policy: RetryPolicy, bodyLimit: Int = PlatformClient.maximumBodyBytes)
        -> PlatformClient {
        PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: Self.key, secret: "secret"), policy: policy,
                       bodyLimit: bodyLimit)
    }

    func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test(arguments: ["1e300", "nan", "-1", "999999"])
    func aRetryAfterOfAnyKindEndsTheCallWithinItsBudget(retryAfter: String) async throws {
        let server = try await HostileServer.start { _ in
            .json(429, #"{"ok":false,"error":{"code":"rate_limited","message":"slow down","retryable":true}}"#,
                  headers: [("Retry-After", retryAfter)])
        }
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        let error = await #expect(throws: PlatformError.self) {
            _ = try await client(server, policy: RetryPolicy(maxAttempts: 12, baseDelay: 0.05, maxDelay: 0.4,
                                                             budgetSeconds: 2, requestTimeoutSeconds: 2)).me()
        }
        // Not a timing test: without the bounds this call sleeps for days (or retries at once,
        // a dozen times); the slack is for a loaded machine.
        #expect(seconds(since: start) < 60, "the budget is 2 s")
        #expect(error?.code == "rate_limited")
        if retryAfter == "999999" {
            #expect(error?.attempts == 1, "a wait past the budget is not begun")
            #expect(error?.description.contains("Retry-After") == true, "\(String(describing: error))")
        }
    }

    @Test func whileA429RunsNoFurtherRequestIsSentPastTheBudget() async throws {
        let server = try await HostileServer.start { _ in
            .json(429, #"{"ok":false,"error":{"code":"rate_limited","message":"slow down","retryable":true}}"#,
                  headers: [("Retry-After", "120")])
        }
        defer { Task { await server.stop() } }
        let client = client(server, policy: RetryPolicy(maxAttempts: 3, budgetSeconds: 5, requestTimeoutSeconds: 2))
        _ = try? await client.me()
        let held = await #expect(throws: PlatformError.self) { _ = try await client.me() }
        #expect(server.requests.count == 1, "the second call waits for the first one's Retry-After, so is never sent")
        #expect(held?.code == "rate_limited")
        #expect(held?.description.contains("not sent") == true)
    }

    @Test func aBodyDrippedAByteASecondTimesOutWithTheWholeRequestDeadline() async throws {
        let server = try await HostileServer.start { _ in
            HostileServer.Reply(status: 200, headers: [("Content-Type", "application/json")],
                                body: Array((#"{"ok":true,"data":{"keyId":"mr_test_x","clubId":"c","pad":""#
                                             + String(repeating: "x", count: 240) + #""}}"#).utf8), dripEvery: .seconds(1))
        }
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        let error = await #expect(throws: PlatformError.self) {
            _ = try await client(server, policy: RetryPolicy(maxAttempts: 1, requestTimeoutSeconds: 2)).me()
        }
        // A bound, not a timing: the body alone takes over four minutes; a loaded 2-core machine
        // may run the 2 s deadline's timer late, never minutes late.
        #expect(seconds(since: start) < 60, "one attempt of 2 s, where the body alone takes over four minutes")
        #expect(error?.code == "transport_error")
        #expect(error?.message == "timed out after 2 s (no complete answer from 127.0.0.1:\(server.port))")
    }

    @Test func aRedirectIsNotFollowedAndNamesWhereItPointed() async throws {
        let elsewhere = try await HostileServer.start { _ in .json(200, #"{"ok":true,"data":{}}"#) }
        defer { Task { await elsewhere.stop() } }
        let server = try await HostileServer.start { request in
            HostileServer.Reply(status: 302, headers: [("Location", elsewhere.baseURL + request.target)])
        }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: PlatformError.self) {
            _ = try await client(server, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02, budgetSeconds: Self.attemptsBudget)).me()
        }
        #expect(error?.code == "invalid_response")
        #expect(error?.message.contains("redirect to \(elsewhere.baseURL)/v1/me") == true, "\(String(describing: error))")
        #expect(error?.attempts == 1, "a redirect is not retried")
        #expect(elsewhere.requests.isEmpty, "the signed request went nowhere else")
    }

    @Test func aBodyOverTheCapIsRefused() async throws {
        let server = try await HostileServer.start { _ in
            .json(200, #"{"ok":true,"data":""# + String(repeating: "x", count: 8192) + #""}"#)
        }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: PlatformError.self) {
            _ = try await client(server, policy: .standard, bodyLimit: 4096).me()
        }
        #expect(error?.code == "invalid_response")
        #expect(error?.message == "the answer was larger than 4 KiB; not read")
    }

    @Test func aRefusedConnectionSaysSoAndEachAttemptIsReportedAsItHappens() async throws {
        final class Recorder: FailedCallRecorder {
            let attempts = Mutex<[Int]>([])
            func record(_ call: FailedCall) async { attempts.withLock { $0.append(call.attempt) } }
        }
        let recorder = Recorder()
        let client = PlatformClient(credentials: Credentials(baseURL: "http://127.0.0.1:9", keyId: Self.key, secret: "s"),
                                    policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02, budgetSeconds: Self.attemptsBudget),
                                    recorder: recorder)
        let error = await #expect(throws: PlatformError.self) { _ = try await client.me() }
        #expect(error?.message == "connection refused by 127.0.0.1:9")
        #expect(recorder.attempts.withLock { $0 } == [1, 2, 3])
    }
}
