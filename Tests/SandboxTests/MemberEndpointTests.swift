import Foundation
import RewardsContract
import Sandbox
import Testing

/// `POST /v1/members` (§10): create or update by `externalRef`.
@Suite struct MemberEndpointTests {
    @Test func createsThenUpdatesByExternalRef() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let created = try await club.upsertMember(ref: "CRM-42", name: "Zoë Müller", email: "zoe@example.com",
                                                      payoutReady: false)
            #expect(created.status == 200, "\(created.text)")
            let member = try JSONDecoder().decode(SuccessEnvelope<Member>.self, from: Data(created.body)).data
            #expect(member.version == 1 && member.externalRef == "CRM-42" && member.clubId == server.clubId)
            #expect(member.pointsAvailable == 0 && !member.payoutReady && member.status == .active)
            #expect(member.currency == "EUR" && member.id.hasPrefix("mem_"))

            let updated = try await club.upsertMember(ref: "CRM-42", name: "Zoë Müller", email: "zoe@example.org",
                                                      payoutReady: true)
            let after = try JSONDecoder().decode(SuccessEnvelope<Member>.self, from: Data(updated.body)).data
            #expect(after.id == member.id && after.version == 2 && after.email == "zoe@example.org" && after.payoutReady)

            // Nothing changes: no new version and no feed entry.
            let same = try await club.upsertMember(ref: "CRM-42", name: "Zoë Müller", email: "zoe@example.org",
                                                   payoutReady: nil)
            #expect(same.data?["version"]?.intValue == 2)

            let deleted = try await club.upsertMember(ref: "CRM-42", name: "Zoë Müller", email: "zoe@example.org",
                                                      payoutReady: nil, status: "deleted")
            #expect(deleted.data?["status"]?.stringValue == "deleted" && deleted.data?["deletedAt"] != .null)
            let fetched = try await SignedClient(server).get("/v1/members/\(member.id)")
            #expect(fetched.data?["version"]?.intValue == 3)
        }
    }

    @Test func refusesMissingFieldsAndBadEmails() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let missing = try await club.post("/v1/members", ["externalRef": .string("X-1"), "name": .string("No Mail")])
            #expect(missing.status == 400 && missing.errorCode == "invalid_request")
            #expect(missing.errorDetails?["field"]?.stringValue == "email")
            for email in ["tim.at.example.com", "a@b", "two@@example.com", "sp ace@example.com", "@example.com"] {
                let bad = try await club.upsertMember(email: email)
                #expect(bad.status == 400 && bad.errorDetails?["field"]?.stringValue == "email", "\(email)")
            }
            let unknown = try await club.post("/v1/members", ["externalRef": .string("X-1"), "name": .string("N"),
                                                              "email": .string("n@example.com"), "age": .int(3)])
            #expect(unknown.status == 400 && unknown.errorDetails?["field"]?.stringValue == "age")
            let badStatus = try await club.upsertMember(status: "vip")
            #expect(badStatus.status == 400)
            let noKey = try await club.post("/v1/members", ["externalRef": .string("X-1")], key: nil)
            #expect(noKey.status == 400 && noKey.errorCode == "invalid_request")
        }
    }

    @Test func aGoneClubIsPartnerNotFoundAndSupportKeysAreReadOnly() async throws {
        try await withSandbox { server in
            let support = try await ClubCalls(server, key: server.keys.support).upsertMember()
            #expect(support.status == 403 && support.errorCode == "forbidden")
            try await server.updateClub { $0.exists = false }
            let gone = try await ClubCalls(server).upsertMember()
            #expect(gone.status == 404 && gone.errorCode == "partner_not_found")
            #expect(try await server.clubSettings().exists == false)
        }
    }

    @Test func aReplayReturnsTheFirstAnswer() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let fields: [String: JSONValue] = ["externalRef": .string("R-1"), "name": .string("Ria"),
                                               "email": .string("ria@example.com")]
            let first = try await club.post("/v1/members", fields, key: "member-r1")
            let again = try await club.post("/v1/members", fields, key: "member-r1")
            #expect(again.body == first.body && again.header("Idempotent-Replayed") == "true")
        }
    }
}
