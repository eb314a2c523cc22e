import Foundation
import RewardsContract
import Sandbox
import Testing

/// The keys of the startup line besides `ops` and `support`: a second ops key of the club, and
/// keys that must be refused, or kept apart (§1, §2, §11).
@Suite struct OtherKeysTests {
    @Test func theStartupLineCarriesWrongEnvAndOtherClubKeys() async throws {
        try await withSandbox { server in
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(server.startupLine().utf8))
            let wrongEnv = try #require(server.keys.wrongEnv)
            let otherClub = try #require(server.keys.otherClub)
            #expect(json["keys"]?["wrongEnv"]?["id"]?.stringValue == wrongEnv.id)
            #expect(json["keys"]?["wrongEnv"]?["secret"]?.stringValue == wrongEnv.secret)
            #expect(json["keys"]?["otherClub"]?["id"]?.stringValue == otherClub.id)
            #expect(json["keys"]?["otherClub"]?["clubId"]?.stringValue == server.keys.otherClubId)
            #expect(KeyID.environment(of: wrongEnv.id) == .live && KeyID.environment(of: otherClub.id) == .test)
            #expect(server.keys.otherClubId != server.clubId)
        }
    }

    @Test func aSecondOpsKeyOfTheSameClubIsInTheStartupLineAndCanDecide() async throws {
        try await withSandbox(members: 200) { server in
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(server.startupLine().utf8))
            #expect(json["keys"]?["ops2"]?["id"]?.stringValue == server.keys.ops2.id)
            #expect(json["keys"]?["ops2"]?["secret"]?.stringValue == server.keys.ops2.secret)
            #expect(server.keys.ops2.id != server.keys.ops.id && server.keys.ops2.secret != server.keys.ops.secret)
            #expect(KeyID.environment(of: server.keys.ops2.id) == .test)

            let second = SignedClient(server, key: server.keys.ops2)
            let me = try await second.get("/v1/me")
            #expect(me.data?["keyId"]?.stringValue == server.keys.ops2.id)
            #expect(me.data?["clubId"]?.stringValue == server.clubId && me.data?["role"]?.stringValue == "ops")
            let review = try #require(try await server.snapshot().reviews.first { $0.status == .open })
            let approved = try await second.post("/v1/reviews/\(review.id)/approve",
                                                 json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "k2")
            #expect(approved.status == 200 && approved.data?["decidedBy"]?.stringValue == server.keys.ops2.id)
            // Idempotency keys are scoped per club (§11): the other ops key reusing this one's key
            // with another body meets a conflict.
            let conflict = try await SignedClient(server).post("/v1/reviews/\(review.id)/approve",
                                                               json: "{\"expectedVersion\":\(review.version + 1)}",
                                                               idempotencyKey: "k2")
            #expect(conflict.status == 409 && conflict.errorCode == "duplicate_idempotency_conflict")
        }
    }

    @Test func aWrongEnvironmentKeyIsRefusedWithDetails() async throws {
        try await withSandbox { server in
            let response = try await SignedClient(server, key: try #require(server.keys.wrongEnv as SandboxKey?) as SandboxKey).get("/v1/me")
            #expect(response.status == 401 && response.errorCode == "unauthorized")
            #expect(response.errorDetails?["keyEnvironment"]?.stringValue == "live")
            #expect(response.errorDetails?["serverEnvironment"]?.stringValue == "test")
        }
    }

    @Test func anotherClubsKeySeesItsOwnEmptyClubAndCannotNameOurs() async throws {
        try await withSandbox { server in
            let other = SignedClient(server, key: try #require(server.keys.otherClub as SandboxKey?) as SandboxKey)
            let otherClubId = try #require(server.keys.otherClubId)
            let me = try await other.get("/v1/me")
            #expect(me.status == 200 && me.data?["clubId"]?.stringValue == otherClubId)
            #expect(try await other.get("/v1/me?clubId=\(otherClubId)").status == 200)
            let cross = try await other.get("/v1/members?clubId=\(server.clubId)")
            #expect(cross.status == 401 && cross.errorCode == "unauthorized")
            let members = try await other.get("/v1/members?limit=5")
            #expect(members.status == 200 && members.dataArray.isEmpty && members.hasMore == false)
            let someone = try #require(try await server.snapshot().members.first)
            #expect(try await other.get("/v1/members/\(someone.id)").errorCode == "cardholder_not_found")
            let head = try #require(try await other.get("/v1/changes/head").data?["cursor"]?.stringValue)
            try await server.simulateActivity(steps: 3, seed: 1)
            let changes = try await other.get("/v1/changes?after=\(head)")
            #expect(changes.dataArray.isEmpty && changes.nextCursor == head)
            let write = try await ClubCalls(server, key: try #require(server.keys.otherClub as SandboxKey?) as SandboxKey).upsertMember()
            #expect(write.status == 404 && write.errorCode == "partner_not_found")
            // Our cursor means nothing to the other club's feed, and theirs nothing to ours.
            let ours = try #require(try await SignedClient(server).get("/v1/changes/head").data?["cursor"]?.stringValue)
            #expect(try await other.get("/v1/changes?after=\(ours)").errorCode == "cursor_expired")
        }
    }
}
