import Foundation
import RewardsContract
import Sandbox
import Testing

/// `lastActionBy` / `lastActionAt` (contract §5): null until an action, then the acting key
/// and the action's time, set by each of the four actions of §8 and by the approval of a
/// payout review on the redemption it moves; the same in action answers, list pages and the
/// feed.
@Suite struct LastActionTests {
    static func decoded<T: Codable & Sendable>(_ type: T.Type, _ response: WireResponse) throws -> T {
        try #require(response.status == 200, "\(response.text)")
        return try JSONDecoder().decode(SuccessEnvelope<T>.self, from: Data(response.body)).data
    }

    /// The action's time lies between the moments just before and just after the call.
    static func expectAt(_ stamp: Timestamp?, between start: Date, and end: Date,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let date = try #require(stamp?.date, sourceLocation: sourceLocation)
        #expect(date >= start.addingTimeInterval(-0.001) && date <= end.addingTimeInterval(0.001),
                "\(String(describing: stamp)) not within the call", sourceLocation: sourceLocation)
    }

    static func listed(_ client: SignedClient, _ path: String, id: String) async throws -> JSONValue {
        var cursor: String?
        repeat {
            let page = try await client.get(path + "?limit=1000" + (cursor.map { "&cursor=\($0)" } ?? ""))
            if let row = page.dataArray.first(where: { $0["id"]?.stringValue == id }) { return row }
            cursor = page.nextCursor
        } while cursor != nil
        Issue.record("\(id) is not in \(path)")
        return .null
    }

    @Test func reviewActionsRecordTheActingKeyAndTime() async throws {
        try await withSandbox(members: 200) { server in
            let ops = SignedClient(server), ops2 = SignedClient(server, key: server.keys.ops2)
            let open = try #require(try await server.snapshot().reviews.filter { $0.status == .open }.prefix(2).last)
            let before = try await Self.listed(ops, "/v1/reviews", id: open.id)
            #expect(before["lastActionBy"] == .null && before["lastActionAt"] == .null, "null before any action")
            let head = try await FeedTests.head(ops)

            var start = Date()
            let escalated = try Self.decoded(Review.self, try await ops.post(
                "/v1/reviews/\(open.id)/escalate", json: "{\"expectedVersion\":\(open.version),\"note\":\"finance\"}",
                idempotencyKey: "la-1"))
            #expect(escalated.lastActionBy == server.keys.ops.id)
            try Self.expectAt(escalated.lastActionAt, between: start, and: Date())
            #expect(escalated.lastActionAt == escalated.updatedAt)
            #expect(escalated.decidedBy == nil, "an escalation decides nothing")

            start = Date()
            let approved = try Self.decoded(Review.self, try await ops2.post(
                "/v1/reviews/\(open.id)/approve", json: "{\"expectedVersion\":\(escalated.version)}", idempotencyKey: "la-2"))
            #expect(approved.lastActionBy == server.keys.ops2.id && approved.decidedBy == server.keys.ops2.id)
            try Self.expectAt(approved.lastActionAt, between: start, and: Date())
            #expect(approved.lastActionAt == approved.decidedAt)

            // A refused action changes nothing, the actor included.
            let refused = try await ops.post("/v1/reviews/\(open.id)/escalate",
                                             json: "{\"expectedVersion\":\(approved.version),\"note\":\"again\"}",
                                             idempotencyKey: "la-3")
            #expect(refused.status == 409 && refused.errorCode == "review_already_decided")

            let listed = try await Self.listed(ops, "/v1/reviews", id: open.id)
            #expect(listed["lastActionBy"]?.stringValue == server.keys.ops2.id)
            #expect(listed["lastActionAt"]?.stringValue == approved.lastActionAt?.raw)
            let feed = try FeedTests.entries(try await ops.get("/v1/changes?after=\(head)&limit=1000"))
            let objects = feed.compactMap { entry -> Review? in
                if case .review(let review)? = entry.object, review.id == open.id { return review }
                return nil
            }
            #expect(objects.map(\.lastActionBy) == [server.keys.ops.id, server.keys.ops2.id])
            #expect(objects.last == approved)
            #expect(try await server.snapshot().reviews.first { $0.id == open.id } == approved)
        }
    }

    @Test func redemptionActionsRecordTheActingKeyAndTime() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let threshold = try await server.clubSettings().approvalThresholdPoints
            let member = try await club.member(points: threshold * 3)
            let requested = try await club.redeem(memberId: member, points: threshold + 100)
            let pending = try Self.decoded(Redemption.self, requested)
            #expect(pending.status == .pendingApproval)
            #expect(pending.lastActionBy == nil && pending.lastActionAt == nil, "a request is not an ops action")
            let ops = SignedClient(server), ops2 = SignedClient(server, key: server.keys.ops2)
            let head = try await FeedTests.head(ops)

            var start = Date()
            let approved = try Self.decoded(Redemption.self, try await ops2.post(
                "/v1/redemptions/\(pending.id)/approve", json: "{\"expectedVersion\":\(pending.version)}",
                idempotencyKey: "lr-1"))
            #expect(approved.status == .reserved && approved.lastActionBy == server.keys.ops2.id)
            try Self.expectAt(approved.lastActionAt, between: start, and: Date())

            start = Date()
            let escalated = try Self.decoded(Redemption.self, try await ops.post(
                "/v1/redemptions/\(pending.id)/escalate",
                json: "{\"expectedVersion\":\(approved.version),\"note\":\"bank check\"}", idempotencyKey: "lr-2"))
            #expect(escalated.status == .escalated && escalated.lastActionBy == server.keys.ops.id)
            try Self.expectAt(escalated.lastActionAt, between: start, and: Date())

            // The payout provider is no ops action: the last action stays the escalation's.
            let reapproved = try Self.decoded(Redemption.self, try await ops.post(
                "/v1/redemptions/\(pending.id)/approve", json: "{\"expectedVersion\":\(escalated.version)}",
                idempotencyKey: "lr-3"))
            let paid = try Self.decoded(Redemption.self, try await club.payout(pending.id, succeeded: true))
            #expect(paid.status == .paid && paid.lastActionBy == reapproved.lastActionBy)
            #expect(paid.lastActionAt == reapproved.lastActionAt)

            let listed = try await Self.listed(ops, "/v1/redemptions", id: pending.id)
            #expect(listed["lastActionBy"]?.stringValue == server.keys.ops.id)
            #expect(listed["lastActionAt"]?.stringValue == reapproved.lastActionAt?.raw)
            let feed = try FeedTests.entries(try await ops.get("/v1/changes?after=\(head)&limit=1000"))
            let actors = feed.compactMap { entry -> String? in
                if case .redemption(let redemption)? = entry.object, redemption.id == pending.id {
                    return redemption.lastActionBy ?? "null"
                }
                return nil
            }
            #expect(actors == [server.keys.ops2.id, server.keys.ops.id, server.keys.ops.id, server.keys.ops.id])
        }
    }

    @Test func approvingAPayoutReviewRecordsTheActionOnItsRedemptionToo() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let (_, id) = try await PayoutTests.reserved(club)
            for _ in 1...3 { _ = try await club.payout(id, succeeded: false) }
            let review = try #require(try await server.snapshot().reviews.first { $0.subjectRef == id })
            let failed = try #require(try await server.snapshot().redemptions.first { $0.id == id })
            #expect(failed.status == .payoutFailed && failed.lastActionBy == nil)

            let start = Date()
            let approved = try Self.decoded(Review.self, try await SignedClient(server, key: server.keys.ops2).post(
                "/v1/reviews/\(review.id)/approve", json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "lp"))
            try Self.expectAt(approved.lastActionAt, between: start, and: Date())
            let moved = try #require(try await server.snapshot().redemptions.first { $0.id == id })
            #expect(moved.status == .reserved && moved.version == failed.version + 1)
            #expect(moved.lastActionBy == server.keys.ops2.id)
            #expect(moved.lastActionAt == approved.lastActionAt)
        }
    }

    @Test func generatedDecisionsNameTheirDecider() async throws {
        try await withSandbox(members: 400) { server in
            let snapshot = try await server.snapshot()
            let decided = snapshot.reviews.filter { $0.status != .open }
            try #require(!decided.isEmpty)
            #expect(decided.allSatisfy { $0.lastActionBy == server.keys.ops.id && $0.lastActionAt == $0.updatedAt })
            #expect(snapshot.reviews.filter { $0.status == .open }.allSatisfy { $0.lastActionBy == nil && $0.lastActionAt == nil })
            #expect(snapshot.redemptions.filter { $0.status == .escalated }.allSatisfy { $0.lastActionBy == server.keys.ops.id })
            #expect(snapshot.redemptions.filter { $0.status != .escalated }.allSatisfy { $0.lastActionBy == nil })
        }
    }
}
