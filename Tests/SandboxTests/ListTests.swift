import Foundation
import RewardsContract
import Sandbox
import Testing

@Suite struct ListTests {
    /// Pages through a list and returns every row's id, checking the page invariants.
    static func pageAll(_ client: SignedClient, _ path: String, limit: Int) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        let separator = path.contains("?") ? "&" : "?"
        for _ in 0..<10_000 {
            let target = path + separator + "limit=\(limit)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try await client.get(target)
            try #require(response.status == 200, "\(target): \(response.text)")
            let rows = response.dataArray
            #expect(rows.count <= limit)
            ids += rows.compactMap { $0["id"]?.stringValue }
            let hasMore = try #require(response.hasMore as Bool?)
            #expect((response.nextCursor == nil) == !hasMore)
            guard hasMore else { return ids }
            cursor = response.nextCursor
        }
        Issue.record("paging did not end")
        return ids
    }

    @Test func pagingMembersVisitsEveryMemberOnceInIdOrder() async throws {
        try await withSandbox(members: 61) { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            let all = try await Self.pageAll(client, "/v1/members?includeDeleted=true", limit: 7)
            #expect(all == snapshot.members.map(\.id))
            #expect(all == all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            let live = try await Self.pageAll(client, "/v1/members", limit: 7)
            #expect(live == snapshot.members.filter { $0.status != .deleted }.map(\.id))
        }
    }

    @Test func listsOfEveryTypeMatchTheSnapshot() async throws {
        try await withSandbox(members: 300) { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            #expect(try await Self.pageAll(client, "/v1/redemptions", limit: 9) == snapshot.redemptions.map(\.id))
            #expect(try await Self.pageAll(client, "/v1/reviews", limit: 4) == snapshot.reviews.map(\.id))
            #expect(try await Self.pageAll(client, "/v1/request-logs", limit: 1000) == snapshot.requestLogs.map(\.id))
            let pending = try await Self.pageAll(client, "/v1/redemptions?status=pending_approval&status=escalated", limit: 3)
            #expect(pending == snapshot.redemptions.filter { $0.status == .pendingApproval || $0.status == .escalated }
                .map(\.id))
            let open = try await Self.pageAll(client, "/v1/reviews?status=open", limit: 100)
            #expect(open == snapshot.reviews.filter { $0.status == .open }.map(\.id))
        }
    }

    @Test func objectsOnTheWireDecodeToTheSnapshot() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            let response = try await client.get("/v1/members?includeDeleted=true&limit=1000")
            let members = try JSONDecoder().decode(SuccessEnvelope<[Member]>.self, from: Data(response.body)).data
            #expect(members == snapshot.members)
            let one = try #require(snapshot.members.first)
            let single = try await client.get("/v1/members/\(one.id)")
            #expect(try JSONDecoder().decode(SuccessEnvelope<Member>.self, from: Data(single.body)).data == one)
            let missing = try await client.get("/v1/members/mem_doesnotexist")
            #expect(missing.status == 404 && missing.errorCode == "cardholder_not_found")
            if let deleted = snapshot.members.first(where: { $0.status == .deleted }) {
                #expect(try await client.get("/v1/members/\(deleted.id)").status == 200)
            }
        }
    }

    @Test func ledgerIsNewestFirstAndSumsToTheBalance() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            for member in snapshot.members.prefix(10) {
                let ids = try await Self.pageAll(client, "/v1/members/\(member.id)/ledger", limit: 2)
                let entries = try await server.ledger(memberId: member.id)
                #expect(ids == entries.reversed().map(\.id))
                #expect(entries.reduce(0) { $0 + $1.points } == member.pointsAvailable)
            }
        }
    }

    @Test func searchSinceAndLimitRules() async throws {
        try await withSandbox(members: 120) { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            let target = try #require(snapshot.members.first { $0.status != .deleted })
            let byId = try await client.get("/v1/members?q=\(target.id.uppercased())")
            #expect(byId.dataArray.compactMap { $0["id"]?.stringValue } == [target.id])
            let email = try await client.get("/v1/members?q=\(PathEscaping.queryValue(target.email.uppercased()))")
            #expect(email.dataArray.contains { $0["id"]?.stringValue == target.id })

            let logs = snapshot.requestLogs.sorted { $0.at < $1.at }
            let middle = logs[logs.count / 2]
            let since = try await Self.pageAll(client, "/v1/request-logs?since=\(middle.at.raw)", limit: 1000)
            #expect(Set(since) == Set(logs.filter { $0.at >= middle.at }.map(\.id)))

            for limit in ["0", "1001", "abc", "-1", "1.5", ""] {
                let response = try await client.get("/v1/members?limit=\(limit)")
                #expect(response.status == 400 && response.errorCode == "invalid_request", "limit=\(limit)")
            }
            #expect(try await client.get("/v1/members?limit=1000").status == 200)
            #expect(try await client.get("/v1/members?limit=1").dataArray.count == 1)
            #expect(try await client.get("/v1/redemptions?status=bogus").status == 400)
            #expect(try await client.get("/v1/request-logs?since=yesterday").status == 400)
        }
    }

    @Test func cursorsAreBoundToTheirEndpointAndFilters() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            let first = try await client.get("/v1/members?limit=3")
            let cursor = try #require(first.nextCursor)
            #expect(try await client.get("/v1/members?limit=3&cursor=\(cursor)").status == 200)
            let otherFilter = try await client.get("/v1/members?limit=3&includeDeleted=true&cursor=\(cursor)")
            #expect(otherFilter.status == 400 && otherFilter.errorCode == "invalid_request")
            let otherEndpoint = try await client.get("/v1/reviews?limit=3&cursor=\(cursor)")
            #expect(otherEndpoint.status == 400)
            #expect(try await client.get("/v1/members?cursor=not-a-cursor").status == 400)
            let head = try #require(try await client.get("/v1/changes/head").data?["cursor"]?.stringValue)
            #expect(try await client.get("/v1/members?cursor=\(head)").status == 400)
        }
    }
}
