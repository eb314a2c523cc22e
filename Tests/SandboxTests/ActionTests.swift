import Foundation
import RewardsContract
import Sandbox
import Testing

@Suite struct ActionTests {
    static func openReview(_ server: SandboxServer) async throws -> Review {
        try #require(try await server.snapshot().reviews.first { $0.status == .open })
    }

    @Test func approveThenReplayThenConflict() async throws {
        try await withSandbox(members: 200) { server in
            let client = SignedClient(server)
            let review = try await Self.openReview(server)
            let path = "/v1/reviews/\(review.id)/approve"
            let body = "{\"expectedVersion\":\(review.version),\"note\":\"ok by ops\"}"

            let first = try await client.post(path, json: body, idempotencyKey: "approve-1")
            #expect(first.status == 200, "\(first.text)")
            let approved = try JSONDecoder().decode(SuccessEnvelope<Review>.self, from: Data(first.body)).data
            #expect(approved.status == .approved)
            #expect(approved.version == review.version + 1)
            #expect(approved.decidedBy == server.keys.ops.id)
            #expect(approved.decidedAt != nil)
            #expect(approved.note == "ok by ops")
            #expect(first.header("Idempotent-Replayed") == nil)

            let replay = try await client.post(path, json: body, idempotencyKey: "approve-1")
            #expect(replay.status == 200)
            #expect(replay.body == first.body)
            #expect(replay.header("Idempotent-Replayed") == "true")
            #expect(replay.header("X-Request-ID") != first.header("X-Request-ID"))

            let conflict = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}",
                                                 idempotencyKey: "approve-1")
            #expect(conflict.status == 409 && conflict.errorCode == "duplicate_idempotency_conflict")
            #expect(conflict.errorDetails?["idempotencyKey"]?.stringValue == "approve-1")

            let again = try await client.post(path, json: "{\"expectedVersion\":\(approved.version)}",
                                              idempotencyKey: "approve-2")
            #expect(again.status == 409 && again.errorCode == "review_already_decided")
        }
    }

    @Test func staleVersionForbiddenRoleAndBadInput() async throws {
        try await withSandbox(members: 200) { server in
            let client = SignedClient(server)
            let review = try await Self.openReview(server)
            let path = "/v1/reviews/\(review.id)/approve"

            let stale = try await client.post(path, json: "{\"expectedVersion\":\(review.version + 5)}",
                                              idempotencyKey: "stale-1")
            #expect(stale.status == 409 && stale.errorCode == "version_conflict")
            #expect(stale.errorDetails?["currentVersion"]?.intValue == review.version)
            // A stored 409 replays as it was, even though the body would now be fine to retry.
            let staleReplay = try await client.post(path, json: "{\"expectedVersion\":\(review.version + 5)}",
                                                    idempotencyKey: "stale-1")
            #expect(staleReplay.body == stale.body && staleReplay.header("Idempotent-Replayed") == "true")

            let support = try await SignedClient(server, key: server.keys.support)
                .post(path, json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "support-1")
            #expect(support.status == 403 && support.errorCode == "forbidden")

            let noKey = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: nil)
            #expect(noKey.status == 400 && noKey.errorCode == "invalid_request")
            for body in ["{\"expectedVersion\":\"1\"}", "{\"expectedVersion\":1,\"extra\":true}", "[]", "not json",
                         "{\"note\":\"x\"}", "{\"expectedVersion\":1,\"note\":\"\(String(repeating: "n", count: 2001))\"}"] {
                let response = try await client.post(path, json: body, idempotencyKey: "bad-\(body.hashValue)")
                #expect(response.status == 400 && response.errorCode == "invalid_request", "\(body)")
            }
            // 400s are not stored: the same key then works with a good body.
            let retried = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}",
                                                idempotencyKey: "bad-\("[]".hashValue)")
            #expect(retried.status == 200)

            let missing = try await client.post("/v1/reviews/rev_nothere/approve", json: "{\"expectedVersion\":1}",
                                                idempotencyKey: "missing-1")
            #expect(missing.status == 404 && missing.errorCode == "review_not_found")
        }
    }

    @Test func escalateNeedsANoteAndStopsAtLevelThree() async throws {
        try await withSandbox(members: 200) { server in
            let client = SignedClient(server)
            var review = try await Self.openReview(server)
            let path = "/v1/reviews/\(review.id)/escalate"
            let noNote = try await client.post(path, json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "e0")
            #expect(noNote.status == 400)
            for level in 1...3 {
                let response = try await client.post(path, json: "{\"expectedVersion\":\(review.version),\"note\":\"up\"}",
                                                     idempotencyKey: "e\(level)")
                review = try JSONDecoder().decode(SuccessEnvelope<Review>.self, from: Data(response.body)).data
                #expect(review.status == .escalated && review.escalationLevel == level && review.note == "up")
            }
            let past = try await client.post(path, json: "{\"expectedVersion\":\(review.version),\"note\":\"up\"}",
                                             idempotencyKey: "e4")
            #expect(past.status == 409 && past.errorCode == "review_already_decided")
            let approve = try await client.post("/v1/reviews/\(review.id)/approve",
                                                json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "a1")
            let approved = try JSONDecoder().decode(SuccessEnvelope<Review>.self, from: Data(approve.body)).data
            #expect(approved.status == .approved && approved.note == "up")
        }
    }

    @Test func redemptionActions() async throws {
        try await withSandbox(members: 400) { server in
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            let ready = Set(snapshot.members.filter(\.payoutReady).map(\.id))
            if let pending = snapshot.redemptions.first(where: { $0.status == .pendingApproval && ready.contains($0.memberId) }) {
                let response = try await client.post("/v1/redemptions/\(pending.id)/approve",
                                                     json: "{\"expectedVersion\":\(pending.version)}", idempotencyKey: "r1")
                #expect(response.data?["status"]?.stringValue == "reserved")
            }
            if let notReady = snapshot.redemptions.first(where: {
                $0.status == .pendingApproval && !ready.contains($0.memberId)
            }) {
                let response = try await client.post("/v1/redemptions/\(notReady.id)/approve",
                                                     json: "{\"expectedVersion\":\(notReady.version)}", idempotencyKey: "r2")
                #expect(response.status == 422 && response.errorCode == "missing_payout_reference")
            }
            let paid = try #require(snapshot.redemptions.first { $0.status == .paid })
            let response = try await client.post("/v1/redemptions/\(paid.id)/approve",
                                                 json: "{\"expectedVersion\":\(paid.version)}", idempotencyKey: "r3")
            #expect(response.status == 409 && response.errorCode == "review_already_decided")
            let failed = try #require(snapshot.redemptions.first { $0.status == .payoutFailed })
            let escalated = try await client.post("/v1/redemptions/\(failed.id)/escalate",
                                                  json: "{\"expectedVersion\":\(failed.version),\"note\":\"bank\"}",
                                                  idempotencyKey: "r4")
            #expect(escalated.data?["status"]?.stringValue == "escalated")
            let missing = try await client.post("/v1/redemptions/red_nothere/escalate",
                                                json: "{\"expectedVersion\":1,\"note\":\"x\"}", idempotencyKey: "r5")
            #expect(missing.status == 404 && missing.errorCode == "redemption_not_found")
        }
    }
}
