import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import Testing
@testable import Diagnostics

/// doctor's `rate limit` line: advertised headroom when the server sends it, this profile's
/// own 429s of the last hour from the mirror, or ok when there is neither.
@Suite struct RateLimitCheckTests {
    func target(_ server: SandboxServer, mirror: String? = nil) -> Doctor.Target {
        let key = server.keys.ops
        return Doctor.Target(configPath: "/nonexistent/config.toml", profileName: nil,
                             credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret),
                             credentialsProblem: nil, expectedEnvironment: nil, mirrorPath: mirror,
                             environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
    }

    func rateLimitLine(_ checks: [DoctorCheck]) throws -> DoctorCheck {
        try #require(checks.first { $0.name == "rate limit" }, "\(checks)")
    }

    func temporaryMirrorPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rwops-ratelimit-\(UUID().uuidString).sqlite").path
    }

    /// Writes the client's failed attempts into a mirror, as the console's recorder does.
    struct MirrorRecorder: FailedCallRecorder {
        let mirror: MirrorStore
        func record(_ call: FailedCall) async {
            try? mirror.recordLocalError(LocalError(at: call.at, method: call.method, path: call.path,
                                                    httpStatus: call.httpStatus, code: call.code, message: call.message,
                                                    retryable: call.retryable, requestId: call.requestId,
                                                    idempotencyKey: call.idempotencyKey, attempt: call.attempt))
        }
    }

    @Test func withNothingAdvertisedAndNo429TheLineIsOk() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3, rateLimit: 100))
        defer { Task { await server.stop() } }
        let line = try rateLimitLine(await Doctor(target: target(server), terminalSize: nil).run())
        #expect(line.status == .ok)
        #expect(line.detail == "the server advertises no headroom; no 429 in the last hour")
        #expect(line.fix == nil)
    }

    @Test func advertisedHeadroomIsReported() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3, rateLimit: 200,
                                                                  rateLimitHeaders: true))
        defer { Task { await server.stop() } }
        let line = try rateLimitLine(await Doctor(target: target(server), terminalSize: nil).run())
        #expect(line.status == .ok)
        #expect(line.detail.hasSuffix("of 200 requests left (99%, RateLimit-* headers); no 429 in the last hour")
                || line.detail.hasSuffix("of 200 requests left (100%, RateLimit-* headers); no 429 in the last hour"),
                "\(line.detail)")
    }

    @Test func advertisedHeadroomBelowATenthWarns() async throws {
        // A budget of one a second: doctor's own call spends it, and the answer says 0 of 1 left.
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3, rateLimit: 1,
                                                                  rateLimitHeaders: true))
        defer { Task { await server.stop() } }
        let checks = await Doctor(target: target(server), terminalSize: nil).run()
        let line = try rateLimitLine(checks)
        #expect(line.status == .warn)
        #expect(line.detail.hasPrefix("0 of 1 requests left (0%, RateLimit-* headers)"))
        #expect(line.fix?.contains("close to the limit") == true)
        #expect(!checks.contains { $0.status == .fail }, "a tight budget is a warning, not a failure")
    }

    @Test func thisProfilesOwn429sOfTheLastHourWarnWithTheFix() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3, rateLimit: 1))
        defer { Task { await server.stop() } }
        let path = temporaryMirrorPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try MirrorStore(path: path)
        // Stage a real 429 through the client, recorded in the mirror as the console records it.
        let key = server.keys.ops
        let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret),
                                    policy: RetryPolicy(maxAttempts: 1, requestTimeoutSeconds: 10),
                                    recorder: MirrorRecorder(mirror: mirror))
        var limited = false
        for _ in 0..<50 where !limited {
            do {
                _ = try await client.me()
            } catch let error as PlatformError {
                limited = error.apiError?.code == .rateLimited
            }
        }
        #expect(limited)
        server.setRateLimit(nil)  // lifts the block too, so doctor's own call goes through

        let checks = await Doctor(target: target(server, mirror: path), terminalSize: nil).run()
        let line = try rateLimitLine(checks)
        #expect(line.status == .warn)
        #expect(line.detail == "the server advertises no headroom; 429 rate_limited once on this profile's calls in the last hour")
        #expect(line.fix == RateLimitCheck.sharedKeyFix)
        #expect(!checks.contains { $0.status == .fail }, "\(checks)")
    }

    @Test func a429OlderThanAnHourNoLongerCounts() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3))
        defer { Task { await server.stop() } }
        let path = temporaryMirrorPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try MirrorStore(path: path)
        for age in [7_200.0, 3_700] {
            try mirror.recordLocalError(LocalError(at: Date().addingTimeInterval(-age), method: "GET", path: "/v1/me",
                                                   httpStatus: 429, code: "rate_limited", message: "Too many requests",
                                                   retryable: true, requestId: "req_old12345", idempotencyKey: nil,
                                                   attempt: 1))
        }
        // Other failures of the last hour are not rate limits.
        try mirror.recordLocalError(LocalError(at: Date(), method: "GET", path: "/v1/me", httpStatus: 503,
                                               code: "unavailable", message: "later", retryable: true,
                                               requestId: "req_new12345", idempotencyKey: nil, attempt: 1))
        let line = try rateLimitLine(await Doctor(target: target(server, mirror: path), terminalSize: nil).run())
        #expect(line.status == .ok)
        #expect(line.detail == "the server advertises no headroom; no 429 in the last hour")
    }

    @Test func doctorsOwnCallRefusedWith429WarnsWithoutFailing() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3,
                                                                  faults: try FaultSettings().withRates("429=1")))
        defer { Task { await server.stop() } }
        let checks = await Doctor(target: target(server), terminalSize: nil).run()
        let line = try rateLimitLine(checks)
        #expect(line.status == .warn)
        #expect(line.detail == "this check's own call was refused with 429 rate_limited; no 429 in the last hour")
        #expect(line.fix == RateLimitCheck.sharedKeyFix)
        #expect(checks.first { $0.name == "signed request" }?.status == .ok)
        #expect(!checks.contains { $0.status == .fail }, "\(checks)")
    }

    @Test func bothHeaderFamiliesAreReadTheDraftsFirst() {
        func parse(_ headers: [String: String]) -> RateLimitHeadroom? {
            let lowered = Dictionary(uniqueKeysWithValues: headers.map { ($0.key.lowercased(), $0.value) })
            return RateLimitHeadroom.parse { lowered[$0.lowercased()] }
        }
        #expect(parse(["RateLimit-Limit": "100", "RateLimit-Remaining": "42"])
                == RateLimitHeadroom(limit: 100, remaining: 42, source: "RateLimit"))
        #expect(parse(["x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999"])
                == RateLimitHeadroom(limit: 5000, remaining: 4999, source: "X-RateLimit"))
        #expect(parse(["RateLimit-Limit": "100, 100;w=60, 1000;w=3600", "RateLimit-Remaining": "7"])?.limit == 100,
                "a draft quota list: its first item")
        #expect(parse(["RateLimit-Limit": "10", "RateLimit-Remaining": "1", "X-RateLimit-Limit": "99",
                       "X-RateLimit-Remaining": "99"])?.source == "RateLimit")
        #expect(parse(["RateLimit-Limit": "100"]) == nil, "half a pair says nothing")
        #expect(parse(["X-RateLimit-Limit": "lots", "X-RateLimit-Remaining": "-1"]) == nil)
        #expect(parse([:]) == nil)
    }

    @Test func theLineCombinesWhatItKnows() {
        let low = RateLimitCheck.evaluate(advertised: RateLimitHeadroom(limit: 100, remaining: 9, source: "X-RateLimit"),
                                          recentlyLimited: 3)
        #expect(low.status == .warn)
        #expect(low.detail == "9 of 100 requests left (9%, X-RateLimit-* headers); 429 rate_limited 3 times on this "
                + "profile's calls in the last hour")
        #expect(low.fix == "close to the limit: past it every call waits for Retry-After; " + RateLimitCheck.sharedKeyFix)
        let ample = RateLimitCheck.evaluate(advertised: RateLimitHeadroom(limit: 100, remaining: 10, source: "RateLimit"),
                                            recentlyLimited: 0)
        #expect(ample.status == .ok, "exactly a tenth left is not below a tenth")
    }
}
