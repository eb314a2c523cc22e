import Foundation
import RewardsContract
import Sandbox
import Testing

@Suite struct FeedTests {
    static func head(_ client: SignedClient) async throws -> String {
        try #require(try await client.get("/v1/changes/head").data?["cursor"]?.stringValue)
    }

    static func entries(_ response: WireResponse) throws -> [ChangeEntry] {
        try JSONDecoder().decode(SuccessEnvelope<[ChangeEntry]>.self, from: Data(response.body)).data
    }

    @Test func anApprovalAppearsAfterTheHeadTakenBeforeIt() async throws {
        try await withSandbox(members: 200) { server in
            let client = SignedClient(server)
            let head = try await Self.head(client)
            let review = try #require(try await server.snapshot().reviews.first { $0.status == .open })
            let approve = try await client.post("/v1/reviews/\(review.id)/approve",
                                                json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "f1")
            #expect(approve.status == 200)
            let changes = try await client.get("/v1/changes?after=\(head)")
            #expect(changes.status == 200)
            let entries = try Self.entries(changes)
            let entry = try #require(entries.last)
            #expect(entry.type == .review && entry.op == .upsert && entry.id == review.id)
            #expect(entry.version == review.version + 1)
            if case .review(let object)? = entry.object { #expect(object.status == .approved) } else {
                Issue.record("the entry carries no review")
            }
            #expect(changes.hasMore == false)
            let next = try #require(changes.nextCursor)
            let after = try await client.get("/v1/changes?after=\(next)")
            #expect(after.dataArray.isEmpty && after.nextCursor == next)
        }
    }

    @Test func longPollWithNothingNewReturnsEmptyAndTheSameCursor() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            let head = try await Self.head(client)
            // A longer poll beside it: the short one must end first, whatever the machine's load.
            async let longer: Duration = {
                let started = ContinuousClock.now
                _ = try await client.get("/v1/changes?after=\(head)&waitSeconds=8")
                return ContinuousClock.now - started
            }()
            let started = ContinuousClock.now
            let response = try await client.get("/v1/changes?after=\(head)&waitSeconds=2")
            let elapsed = ContinuousClock.now - started
            let longerElapsed = try await longer
            #expect(longerElapsed >= .milliseconds(7900) && elapsed < longerElapsed - .seconds(3),
                    "a 2 s poll answered after \(elapsed), an 8 s one after \(longerElapsed)")
            #expect(response.status == 200)
            #expect(response.dataArray.isEmpty)
            #expect(response.nextCursor == head)
            #expect(response.hasMore == false)
            // Held for the wait (not answered at once), and answered when it ended (not held on);
            // the upper bound has slack for a loaded 2-core machine.
            #expect(elapsed >= .milliseconds(1900) && elapsed < .seconds(20))
        }
    }

    @Test func longPollWakesWhenAChangeArrives() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            let head = try await Self.head(client)
            let started = ContinuousClock.now
            async let polled = client.get("/v1/changes?after=\(head)&waitSeconds=20")
            try await Task.sleep(for: .milliseconds(300))
            try await server.simulateActivity(steps: 1, seed: 9)
            let response = try await polled
            #expect(!response.dataArray.isEmpty)
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test func simulatedActivityIsAConsistentFeed() async throws {
        try await withSandbox(members: 100) { server in
            let client = SignedClient(server)
            let head = try await Self.head(client)
            let before = try await server.snapshot()
            try await server.simulateActivity(steps: 300, seed: 5)
            let after = try await server.snapshot()

            // Replaying the feed over the starting state gives the final state.
            var members = Dictionary(uniqueKeysWithValues: before.members.map { ($0.id, $0) })
            var reviews = Dictionary(uniqueKeysWithValues: before.reviews.map { ($0.id, $0) })
            var redemptions = Dictionary(uniqueKeysWithValues: before.redemptions.map { ($0.id, $0) })
            var logs = Dictionary(uniqueKeysWithValues: before.requestLogs.map { ($0.id, $0) })
            var deleted = Set<String>()
            var cursor = head
            var count = 0
            var lastSeq = 0
            while true {
                let page = try await client.get("/v1/changes?after=\(cursor)&limit=37")
                let entries = try Self.entries(page)
                for entry in entries {
                    let seq = try #require(Int(entry.seq))
                    #expect(seq > lastSeq)
                    lastSeq = seq
                    #expect(!deleted.contains(entry.id), "upsert after delete of \(entry.id)")
                    switch entry.object {
                    case .member(let value)?:
                        #expect(value.version > members[value.id]?.version ?? 0)
                        members[value.id] = value
                    case .review(let value)?: reviews[value.id] = value
                    case .redemption(let value)?: redemptions[value.id] = value
                    case .requestLog(let value)?: logs[value.id] = value
                    default:
                        #expect(entry.op == .delete)
                        deleted.insert(entry.id)
                        members[entry.id] = nil; reviews[entry.id] = nil; redemptions[entry.id] = nil
                    }
                }
                count += entries.count
                cursor = try #require(page.nextCursor)
                if page.hasMore != true { break }
            }
            #expect(count >= 300)
            #expect(members.values.sorted { $0.id < $1.id } == after.members)
            #expect(reviews.values.sorted { $0.id < $1.id } == after.reviews)
            #expect(redemptions.values.sorted { $0.id < $1.id } == after.redemptions)
            #expect(logs.values.sorted { $0.id < $1.id } == after.requestLogs)
            for member in after.members.prefix(40) {
                let ledger = try await server.ledger(memberId: member.id)
                #expect(ledger.reduce(0) { $0 + $1.points } == member.pointsAvailable)
            }
        }
    }

    @Test func feedCursorRules() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            #expect(try await client.get("/v1/changes").status == 400)
            #expect(try await client.get("/v1/changes?after=garbage").status == 400)
            let head = try await Self.head(client)
            #expect(try await client.get("/v1/changes?after=\(head)&waitSeconds=31").status == 400)
            #expect(try await client.get("/v1/changes?after=\(head)&limit=0").status == 400)
            // A cursor of another feed epoch (another server) has expired.
            let other = try await SandboxServer.start(SandboxOptions(members: 5, seed: 1))
            let otherHead = try await Self.head(SignedClient(other))
            await other.stop()
            let expired = try await client.get("/v1/changes?after=\(otherHead)")
            #expect(expired.status == 410 && expired.errorCode == "cursor_expired")
        }
    }
}

@Suite struct FeedHistoryTests {
    @Test func aCursorBeforeTheRetainedHistoryExpires() async throws {
        let server = try await SandboxServer.start(SandboxOptions(members: 30, feedHistoryLimit: 10))
        let client = SignedClient(server)
        let head = try await FeedTests.head(client)
        try await server.simulateActivity(steps: 30, seed: 3)
        let expired = try await client.get("/v1/changes?after=\(head)")
        #expect(expired.status == 410 && expired.errorCode == "cursor_expired")
        let fresh = try await FeedTests.head(client)
        #expect(try await client.get("/v1/changes?after=\(fresh)").status == 200)
        await server.stop()
    }

    @Test func aStateFileKeepsDataAndFeedAcrossRestarts() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let options = SandboxOptions(members: 40, seed: 8, statePath: path)
        let first = try await SandboxServer.start(options)
        let head = try await FeedTests.head(SignedClient(first))
        try await first.simulateActivity(steps: 12, seed: 1)
        let before = try await first.snapshot()
        await first.stop()

        let second = try await SandboxServer.start(options)
        #expect(try await second.snapshot().members == before.members)
        let changes = try await SignedClient(second).get("/v1/changes?after=\(head)&limit=1000")
        #expect(changes.status == 200 && changes.dataArray.count >= 12)
        await second.stop()
    }
}
