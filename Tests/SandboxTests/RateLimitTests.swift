import Foundation
import RewardsContract
import Sandbox
import Testing

/// The per-key rate limit (§9, §11).
@Suite struct RateLimitTests {
    @Test func pastTheLimitIs429UntilRetryAfterHasRun() async throws {
        try await withSandbox(SandboxOptions(members: 20, rateLimit: 4)) { server in
            let client = SignedClient(server)
            // The bucket holds 4 and refills at 4 per second while these run.
            let started = ContinuousClock.now
            var admitted = 0
            var limited = try await client.get("/v1/me")
            while limited.status == 200, admitted < 100 {
                admitted += 1
                limited = try await client.get("/v1/me")
            }
            let elapsed = ContinuousClock.now - started
            #expect(admitted >= 4 && Double(admitted) <= 5 + 4 * Double(elapsed.components.seconds + 1))
            #expect(limited.status == 429 && limited.errorCode == "rate_limited")
            #expect(limited.json?["error"]?["retryable"] == .bool(true))
            let retryAfter = try #require(limited.header("Retry-After").flatMap { Int($0) })
            #expect(retryAfter >= 1)
            // While Retry-After runs the key stays limited.
            #expect(try await client.get("/v1/me").status == 429)
            // Another key has its own budget.
            #expect(try await SignedClient(server, key: server.keys.support).get("/v1/me").status == 200)
            try await Task.sleep(for: .seconds(retryAfter))
            #expect(try await client.get("/v1/me").status == 200)
        }
    }

    @Test func aKeyStaysLimitedForTheWholeRetryAfterEvenWithTokensToSpare() async throws {
        var faults = try FaultSettings().withRates("429=1")
        faults.retryAfterSeconds = 3...3
        try await withSandbox(SandboxOptions(members: 20, rateLimit: 100, faults: faults)) { server in
            let client = SignedClient(server)
            let injected = try await client.get("/v1/me")
            #expect(injected.status == 429 && injected.header("Retry-After") == "3")
            server.setFaults(.none)
            try await Task.sleep(for: .seconds(1))
            let still = try await client.get("/v1/me")
            #expect(still.status == 429 && ["1", "2"].contains(still.header("Retry-After") ?? ""))
            #expect(try await SignedClient(server, key: server.keys.support).get("/v1/me").status == 200)
        }
    }

    @Test func onlyAuthenticatedRequestsCountAndTheLimitComesBeforeRouting() async throws {
        try await withSandbox(SandboxOptions(members: 20, rateLimit: 3)) { server in
            let client = SignedClient(server)
            for _ in 0..<10 {
                let refused = try await client.send("GET", "/v1/me", signature: "v1=" + String(repeating: "0", count: 64))
                #expect(refused.status == 401)
            }
            // Unauthenticated calls spent nothing: the first authenticated one still has a token.
            #expect(try await client.get("/v1/nowhere").status == 400)
            // Keep calling an unknown path faster than 3/s: it must end in 429, not only 400s.
            // (A loop rather than a fixed count: on a loaded machine tokens refill between calls.)
            var statuses: [Int] = []
            for _ in 0..<200 {
                let status = try await client.get("/v1/nowhere").status
                statuses.append(status)
                if status == 429 { break }
            }
            #expect(statuses.last == 429, "an unknown path is limited too: the limit comes before routing")
            #expect(Set(statuses).isSubset(of: [400, 429]))
        }
    }

    @Test func a429IsNotStoredUnderTheIdempotencyKey() async throws {
        try await withSandbox(SandboxOptions(members: 200)) { server in
            let client = SignedClient(server)
            let review = try #require(try await server.snapshot().reviews.first { $0.status == .open })
            server.setRateLimit(1)
            // Limited first (bounded): the key then stays limited for the whole Retry-After.
            for _ in 0..<200 where try await client.get("/v1/me").status != 429 {}
            let path = "/v1/reviews/\(review.id)/approve"
            let limited = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "rl")
            #expect(limited.status == 429)
            server.setRateLimit(nil)
            let applied = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "rl")
            #expect(applied.status == 200 && applied.header("Idempotent-Replayed") == nil)
        }
    }

    @Test func rateLimitHeadersAreAnOptInExtension() async throws {
        // Off by default: the contract defines no such headers.
        try await withSandbox(SandboxOptions(members: 20, rateLimit: 10)) { server in
            let plain = try await SignedClient(server).get("/v1/me")
            #expect(plain.status == 200 && plain.header("RateLimit-Limit") == nil && plain.header("RateLimit-Remaining") == nil)
        }
        try await withSandbox(SandboxOptions(members: 20, rateLimit: 10, rateLimitHeaders: true)) { server in
            let client = SignedClient(server)
            let first = try await client.get("/v1/me")
            #expect(first.header("RateLimit-Limit") == "10")
            let remaining = try #require(first.header("RateLimit-Remaining").flatMap { Int($0) })
            #expect((8...9).contains(remaining), "one request spent of ten (a refill may round in)")
            // Other keys have their own budget.
            let other = try await SignedClient(server, key: server.keys.support).get("/v1/me")
            #expect(other.header("RateLimit-Remaining").flatMap { Int($0) }.map { $0 >= 8 } == true)
        }
        // Without a limit there is no budget to advertise.
        try await withSandbox(SandboxOptions(members: 20, rateLimitHeaders: true)) { server in
            let unlimited = try await SignedClient(server).get("/v1/me")
            #expect(unlimited.header("RateLimit-Limit") == nil)
        }
    }
}
