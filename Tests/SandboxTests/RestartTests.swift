import Foundation
import RewardsContract
import Sandbox
import SandboxTraffic
import Testing

/// `--state PATH`: a restart on the same file loses nothing.
@Suite struct RestartTests {
    @Test func aRestartKeepsObjectsVersionsKeysFeedAndSettings() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let options = SandboxOptions(members: 150, seed: 4, statePath: path)
        let first = try await SandboxServer.start(options)
        let club = ClubCalls(first)
        let head = try #require(try await club.client.get("/v1/changes/head").data?["cursor"]?.stringValue)
        let member = try await club.member(points: 3000)
        let settleBody = ClubCalls.json([
            "externalTransactionId": .string("POS-keep"), "memberId": .string(member),
            "transaction": .object(["amountMinor": .int(1000), "currency": .string("EUR")]),
        ])
        let settled = try await club.client.post("/v1/transactions/settled", json: settleBody, idempotencyKey: "keep-1")
        let review = try #require(try await first.snapshot().reviews.first { $0.status == .open })
        let approved = try await club.client.post("/v1/reviews/\(review.id)/approve",
                                                  json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "keep-2")
        #expect(approved.status == 200)
        _ = await TrafficGenerator(server: first).run(steps: 80, seed: 2)
        try await first.updateClub { $0.approvalThresholdPoints = 1234 }
        try await first.simulateActivity(steps: 20, seed: 3)
        let before = try await first.snapshot()
        let ledger = try await first.ledger(memberId: member)
        let settingsBefore = try await first.clubSettings()
        let feedBefore = try await club.client.get("/v1/changes?after=\(head)&limit=1000")
        await first.stop()

        let second = try await SandboxServer.start(options)
        let again = ClubCalls(second)
        let after = try await second.snapshot()
        #expect(after.members == before.members && after.redemptions == before.redemptions)
        #expect(after.reviews == before.reviews && after.requestLogs == before.requestLogs)
        #expect(try await second.ledger(memberId: member) == ledger)
        #expect(try await second.clubSettings() == settingsBefore)
        // The feed, and the cursor taken before the restart, carry on.
        let feedAfter = try await again.client.get("/v1/changes?after=\(head)&limit=1000")
        #expect(feedAfter.status == 200 && feedAfter.body == feedBefore.body)
        // Idempotency keys survive: same key and body replay, another body conflicts.
        let replayed = try await again.client.post("/v1/transactions/settled", json: settleBody, idempotencyKey: "keep-1")
        #expect(replayed.header("Idempotent-Replayed") == "true" && replayed.body == settled.body)
        let replayedAction = try await again.client.post("/v1/reviews/\(review.id)/approve",
                                                         json: "{\"expectedVersion\":\(review.version)}",
                                                         idempotencyKey: "keep-2")
        #expect(replayedAction.body == approved.body && replayedAction.header("Idempotent-Replayed") == "true")
        // What the rules remember survives too.
        #expect(try await again.settle(id: "POS-keep", memberId: member, amountMinor: 1000).errorCode == "duplicate_event")
        // New ids do not collide with the old ones.
        let newcomer = try await again.member()
        #expect(!before.members.contains { $0.id == newcomer })
        await second.stop()
    }
}
