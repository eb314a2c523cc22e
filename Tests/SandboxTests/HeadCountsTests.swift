import Foundation
import RewardsContract
import Sandbox
import SandboxTraffic
import Testing

/// `counts` on `GET /v1/changes/head` (contract §6, §11): each list's rows at that moment,
/// soft-deleted members included, kept exact by every kind of write.
@Suite struct HeadCountsTests {
    static func counts(_ client: SignedClient) async throws -> FeedHead {
        let response = try await client.get("/v1/changes/head")
        try #require(response.status == 200, "\(response.text)")
        return try JSONDecoder().decode(SuccessEnvelope<FeedHead>.self, from: Data(response.body)).data
    }

    static func expectCountsMatch(_ server: SandboxServer, sourceLocation: SourceLocation = #_sourceLocation)
        async throws {
        let head = try await counts(SignedClient(server))
        let snapshot = try await server.snapshot()
        let expected = ListCounts(members: snapshot.members.count, redemptions: snapshot.redemptions.count,
                                  reviews: snapshot.reviews.count, requestLogs: snapshot.requestLogs.count)
        #expect(head.counts == expected, sourceLocation: sourceLocation)
    }

    @Test func theHeadCountsEveryListIncludingSoftDeletedMembers() async throws {
        try await withSandbox(members: 300) { server in
            let head = try await Self.counts(SignedClient(server))
            let snapshot = try await server.snapshot()
            #expect(snapshot.members.contains { $0.status == .deleted })
            #expect(head.counts?.members == 300 && head.counts?.members == snapshot.members.count)
            try await Self.expectCountsMatch(server)
            // The same numbers a client reads by paging each list.
            let client = SignedClient(server)
            for (path, count) in [("/v1/members?includeDeleted=true", head.counts?.members),
                                  ("/v1/redemptions", head.counts?.redemptions), ("/v1/reviews", head.counts?.reviews),
                                  ("/v1/request-logs", head.counts?.requestLogs)] {
                let page = try await client.get(path + (path.contains("?") ? "&" : "?") + "limit=1000")
                #expect(page.dataArray.count == count && page.hasMore == false, "\(path)")
            }
        }
    }

    @Test func theCountsFollowActivityTrafficPurgesAndRefusedWrites() async throws {
        try await withSandbox(members: 150) { server in
            // The simulator creates and purges members, redemptions, reviews and request logs.
            try await server.simulateActivity(steps: 600, seed: 4)
            try await Self.expectCountsMatch(server)
            _ = await TrafficGenerator(server: server).run(steps: 200, seed: 5)
            try await Self.expectCountsMatch(server)
            let member = try #require(try await server.snapshot().members.first { $0.status != .deleted })
            let before = try await Self.counts(SignedClient(server)).counts
            #expect(try await server.purgeMember(id: member.id))
            try await Self.expectCountsMatch(server)
            #expect(try await Self.counts(SignedClient(server)).counts?.members == before?.members.map { $0 - 1 })
            // A refused call writes no object, only its row in the request log.
            let purged = try await Self.counts(SignedClient(server)).counts
            let refused = try await ClubCalls(server).redeem(memberId: "mem_nothere", points: 500)
            #expect(refused.status == 404 && refused.errorCode == "cardholder_not_found")
            let after = try await Self.counts(SignedClient(server)).counts
            #expect(after?.redemptions == purged?.redemptions && after?.members == purged?.members)
            #expect(after?.requestLogs == purged?.requestLogs.map { $0 + 1 })
            try await Self.expectCountsMatch(server)
        }
    }

    @Test func aStateFileKeepsItsCountsAcrossARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("counts-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let options = SandboxOptions(members: 80, seed: 9, statePath: path)
        let first = try await SandboxServer.start(options)
        try await first.simulateActivity(steps: 100, seed: 2)
        let counted = try await Self.counts(SignedClient(first)).counts
        await first.stop()
        let second = try await SandboxServer.start(options)
        #expect(try await Self.counts(SignedClient(second)).counts == counted)
        try await Self.expectCountsMatch(second)
        await second.stop()
    }
}
