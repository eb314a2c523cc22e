import Foundation
import RewardsContract
import Sandbox
import SandboxTraffic
import Testing

/// The traffic generator (§10): real flows over HTTP (AsyncHTTPClient), mistakes for every code
/// an integration can earn, and balances that always equal their ledgers.
@Suite struct TrafficTests {
    @Test func trafficFillsTheLogWithTheContractsCodesAndKeepsLedgersExact() async throws {
        try await withSandbox(members: 300) { server in
            let client = SignedClient(server)
            let since = Timestamp(Date(), fractionalDigits: 3).raw
            let report = await TrafficGenerator(server: server).run(steps: 800, seed: 3)
            #expect(report.calls >= 800)
            #expect((report.outcomes["ok"] ?? 0) > report.calls / 2)
            #expect(report.outcomes["transport_failure"] == nil)

            let integrationCodes: Set<String> = Set(ErrorCode.allKnown.map(\.rawValue))
                .subtracting(["cursor_expired", "rate_limited", "internal_error", "unavailable"])
            #expect(Set(report.outcomes.keys).isSuperset(of: integrationCodes),
                    "missing: \(integrationCodes.subtracting(report.outcomes.keys).sorted())")

            // The request log holds what the calls got, from real flows.
            var logged = Set<String>()
            var cursor: String?
            repeat {
                let page = try await client.get("/v1/request-logs?limit=1000&since=\(since)" + (cursor.map { "&cursor=\($0)" } ?? ""))
                for row in page.dataArray { if let code = row["code"]?.stringValue { logged.insert(code) } }
                cursor = page.nextCursor
            } while cursor != nil
            #expect(logged.isSuperset(of: integrationCodes), "not logged: \(integrationCodes.subtracting(logged).sorted())")

            let snapshot = try await server.snapshot()
            #expect(snapshot.reviews.contains { $0.reasonCode == "repeated_payout_failure" && $0.status == .open })
            #expect(snapshot.reviews.contains { $0.reasonCode == "manual_review_required" && $0.status == .open })
            #expect(snapshot.redemptions.contains { $0.status == .pendingApproval })
            for member in snapshot.members {
                let ledger = try await server.ledger(memberId: member.id)
                #expect(ledger.reduce(0) { $0 + $1.points } == member.pointsAvailable, "\(member.id)")
            }
        }
    }

    @Test func theBackgroundGeneratorRunsAtItsRateAndStopsWhenTold() async throws {
        try await withSandbox(SandboxOptions(members: 100)) { server in
            let traffic = TrafficGenerator(server: server)
            let started = ContinuousClock.now
            await traffic.start(stepsPerSecond: 40, seed: 1)
            // A busy machine may fall behind the rate, but never runs ahead of it.
            while traffic.totals.calls < 20, ContinuousClock.now - started < .seconds(20) {
                try await Task.sleep(for: .milliseconds(50))
            }
            let elapsed = Double((ContinuousClock.now - started).components.seconds) + 1
            let calls = traffic.totals.calls
            #expect(calls >= 20 && Double(calls) <= 3 * 40 * elapsed, "\(calls) calls in about \(elapsed) s at 40/s")
            await traffic.stop()
            let stopped = traffic.totals.calls
            try await Task.sleep(for: .milliseconds(300))
            #expect(traffic.totals.calls == stopped)
        }
    }

    @Test func trafficUnderHeavyFaultsKeepsLedgersExact() async throws {
        var faults = FaultSettings.heavy
        faults.slow = 0
        faults.rateLimited = 0 // each would pause the generator for its Retry-After
        faults.unavailable = 0
        try await withSandbox(SandboxOptions(members: 150, faults: faults)) { server in
            let report = await TrafficGenerator(server: server).run(steps: 150, seed: 8)
            #expect(report.outcomes["internal_error"] ?? 0 > 0 && report.outcomes["http_502"] ?? 0 > 0)
            #expect(report.outcomes["transport_failure"] ?? 0 > 0)
            server.setFaults(.none)
            for member in try await server.snapshot().members {
                let ledger = try await server.ledger(memberId: member.id)
                #expect(ledger.reduce(0) { $0 + $1.points } == member.pointsAvailable, "\(member.id)")
            }
        }
    }
}
