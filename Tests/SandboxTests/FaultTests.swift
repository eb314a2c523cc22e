import AsyncHTTPClient
import Foundation
import RewardsContract
import Sandbox
import Testing

/// Fault injection: what each fault looks like on the wire, and that a POST answered with one
/// was either not applied (500, 503, 429) or is replayed by its key (502, reset).
@Suite struct FaultTests {
    static func only(_ rates: String) throws -> FaultSettings { try FaultSettings().withRates(rates) }

    @Test func settingsParseAndPresetsDiffer() throws {
        let custom = try FaultSettings.light.withRates("503=0.5, reset=0")
        #expect(custom.unavailable == 0.5 && custom.reset == 0 && custom.internalError == FaultSettings.light.internalError)
        #expect(throws: FaultSettingsError.self) { try FaultSettings().withRates("teapot=0.1") }
        #expect(throws: FaultSettingsError.self) { try FaultSettings().withRates("503=2") }
        #expect(FaultSettings.preset(named: "heavy") == .heavy && FaultSettings.preset(named: "wild") == nil)
        #expect(FaultSettings.preset(named: "none") == FaultSettings.none)
        #expect(!FaultSettings.none.isEnabled && FaultSettings.heavy.isEnabled)
    }

    @Test func earlyFaultsAreNotApplied() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            for (rates, status) in [("500=1", 500), ("503=1", 503), ("429=1", 429)] {
                server.setFaults(try Self.only(rates))
                let key = "early-\(status)"
                let faulted = try await club.settle(id: "POS-\(status)", memberId: member, amountMinor: 1000, key: key)
                #expect(faulted.status == status && faulted.header("X-Request-ID") != nil)
                if status != 500 { #expect(faulted.header("Retry-After") != nil) }
                server.setFaults(.none)
                if status == 429 { try await Task.sleep(for: .seconds(Int(faulted.header("Retry-After") ?? "1") ?? 1)) }
                // The same key applies it now: it had not been applied, so this is no replay.
                let retried = try await club.settle(id: "POS-\(status)", memberId: member, amountMinor: 1000, key: key)
                #expect(retried.status == 200 && retried.header("Idempotent-Replayed") == nil, "\(retried.text)")
            }
            #expect(try await server.ledger(memberId: member).count == 3)
        }
    }

    @Test func aProxy502IsHTMLAndTheWriteWasApplied() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            server.setFaults(try Self.only("502=1"))
            let faulted = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000, key: "gw")
            #expect(faulted.status == 502 && faulted.header("Content-Type") == "text/html")
            #expect(faulted.header("X-Request-ID") == nil && faulted.json == nil && faulted.text.contains("Bad Gateway"))
            server.setFaults(.none)
            let retried = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000, key: "gw")
            #expect(retried.status == 200 && retried.header("Idempotent-Replayed") == "true")
            #expect(try await server.ledger(memberId: member).count == 1)
        }
    }

    @Test func aResetCutsTheBodyAfterTheWriteWasApplied() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            server.setFaults(try Self.only("reset=1"))
            await #expect(throws: (any Error).self) {
                _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000, key: "cut")
            }
            await #expect(throws: (any Error).self) { _ = try await club.client.get("/v1/members?limit=50") }
            server.setFaults(.none)
            let retried = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000, key: "cut")
            #expect(retried.status == 200 && retried.header("Idempotent-Replayed") == "true")
            #expect(try await server.ledger(memberId: member).count == 1)
        }
    }

    @Test func slowRepliesWaitAndInProcessCallsNeverFail() async throws {
        var settings = try Self.only("slow=1,500=1")
        settings.slowSeconds = 1...1
        try await withSandbox(SandboxOptions(members: 30, faults: settings)) { server in
            let started = ContinuousClock.now
            let slow = try await SignedClient(server).get("/v1/me")
            #expect(slow.status == 500 && ContinuousClock.now - started >= .milliseconds(950))
            #expect(try await server.snapshot().members.count == 30)
            try await server.simulateActivity(steps: 5, seed: 1)
            #expect(server.faults == settings)
        }
    }

    @Test func theSameSeedDrawsTheSameFaults() async throws {
        func statuses(_ server: SandboxServer) async throws -> [Int] {
            var settings = FaultSettings.heavy
            settings.slow = 0
            settings.reset = 0
            settings.rateLimited = 0 // an injected 429 blocks the key for a while, whatever the draws
            settings.seed = 77
            server.setFaults(settings)
            var seen: [Int] = []
            for _ in 0..<60 { seen.append(try await SignedClient(server, key: server.keys.support).get("/v1/me").status) }
            return seen
        }
        try await withSandbox { server in
            let first = try await statuses(server)
            #expect(Set(first).isSuperset(of: [200, 500, 503]))
            #expect(try await statuses(server) == first)
        }
    }

    @Test func feedPagesCarryDuplicatesAndStaleVersionsButStayReplayable() async throws {
        try await withSandbox(members: 100) { server in
            let client = SignedClient(server)
            let head = try #require(try await client.get("/v1/changes/head").data?["cursor"]?.stringValue)
            let before = try await server.snapshot()
            try await server.simulateActivity(steps: 200, seed: 4)
            server.setFaults(try Self.only("duplicate=1,reorder=1"))

            var members = Dictionary(uniqueKeysWithValues: before.members.map { ($0.id, $0) })
            var gone = Set<String>()
            var cursor = head
            var sawDuplicate = false, sawStale = false
            while true {
                let page = try await client.get("/v1/changes?after=\(cursor)&limit=25")
                let entries = try JSONDecoder().decode(SuccessEnvelope<[ChangeEntry]>.self, from: Data(page.body)).data
                #expect(entries.count <= 25)
                let seqs = entries.compactMap { Int($0.seq) }
                if Set(seqs).count < seqs.count { sawDuplicate = true }
                if zip(seqs, seqs.dropFirst()).contains(where: { $0 > $1 }) { sawStale = true }
                for entry in entries {
                    if entry.op == .delete {
                        gone.insert(entry.id)
                        members[entry.id] = nil
                    } else if case .member(let value)? = entry.object {
                        #expect(!gone.contains(entry.id), "an upsert after the delete of \(entry.id)")
                        // The contract's rule: apply an upsert only above the stored version.
                        if value.version > members[value.id]?.version ?? 0 { members[value.id] = value }
                    }
                }
                cursor = try #require(page.nextCursor)
                if page.hasMore != true { break }
            }
            #expect(sawDuplicate && sawStale)
            #expect(members.values.sorted { $0.id < $1.id } == (try await server.snapshot().members))
        }
    }
}
