import Foundation
import RewardsContract
import Sandbox
import Testing

@Suite struct AuthTests {
    @Test func signedMeAnswersWithTheKeyAndTheContractHeaders() async throws {
        try await withSandbox { server in
            let response = try await SignedClient(server).get("/v1/me")
            #expect(response.status == 200)
            #expect(response.data?["keyId"]?.stringValue == server.keys.ops.id)
            #expect(response.data?["clubId"]?.stringValue == server.clubId)
            #expect(response.data?["environment"]?.stringValue == "test")
            #expect(response.data?["role"]?.stringValue == "ops")
            #expect(response.data?["clubName"]?.stringValue?.isEmpty == false)
            let requestId = try #require(response.header("X-Request-ID"))
            #expect(requestId.wholeMatch(of: /req_[A-Za-z0-9]{8,}/) != nil)
            #expect(response.header("Content-Type") == "application/json")
            let date = try #require(response.header("Date"))
            #expect(date.wholeMatch(of: /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/) != nil)
            let support = try await SignedClient(server, key: server.keys.support).get("/v1/me")
            #expect(support.data?["role"]?.stringValue == "support")
        }
    }

    @Test func checksRunInTheContractsOrder() async throws {
        let live = try await SandboxServer.start(SandboxOptions(members: 5, seed: 1, environment: .live))
        let liveOps = live.keys.ops
        await live.stop()
        try await withSandbox { server in
            let client = SignedClient(server)
            let now = Int64(Date().timeIntervalSince1970)

            // 1. Missing or malformed headers: 400, even with everything else wrong too.
            let unsigned = try await client.send("GET", "/v1/me", signed: false)
            #expect(unsigned.status == 400 && unsigned.errorCode == "invalid_request")
            #expect(unsigned.header("X-Request-ID") != nil)
            let notHex = try await client.send("GET", "/v1/me", timestamp: now, signature: "v1=zz")
            #expect(notHex.status == 400 && notHex.errorCode == "invalid_request")
            let notDigits = try await client.send("GET", "/v1/me", headers: [
                ("Authorization", "Bearer \(server.keys.ops.id)"), ("X-MR-Timestamp", "12a"), ("X-MR-Signature", "v1=00"),
            ], signed: false)
            #expect(notDigits.status == 400 && notDigits.errorCode == "invalid_request")
            let noPrefix = try await client.send("GET", "/v1/me", signature: "abcdef")
            #expect(noPrefix.status == 400 && noPrefix.errorCode == "invalid_request")

            // 2. Unknown key, with a stale timestamp too: the key check comes first.
            let unknown = SignedClient(baseURL: server.baseURL,
                                       key: SandboxKey(id: "mr_test_" + String(repeating: "x", count: 26), secret: "s"))
            let unknownResponse = try await unknown.send("GET", "/v1/me", timestamp: now - 10_000)
            #expect(unknownResponse.status == 401 && unknownResponse.errorCode == "unauthorized")

            // 3. A key of the other environment, also stale: refused for its environment, with details.
            let otherEnvironment = try await SignedClient(baseURL: server.baseURL, key: liveOps)
                .send("GET", "/v1/me", timestamp: now - 10_000)
            #expect(otherEnvironment.status == 401 && otherEnvironment.errorCode == "unauthorized")
            #expect(otherEnvironment.errorDetails?["keyEnvironment"]?.stringValue == "live")
            #expect(otherEnvironment.errorDetails?["serverEnvironment"]?.stringValue == "test")

            // 4. Stale timestamp, with a bad signature too: stale wins and tells the server time.
            let stale = try await client.send("GET", "/v1/me", timestamp: now - 301, signature: "v1=00")
            #expect(stale.status == 401 && stale.errorCode == "stale_timestamp")
            let serverTime = try #require(stale.errorDetails?["serverTime"]?.intValue)
            // The server's clock read between `now` and this moment (a bound, not a timing: a
            // loaded machine may take seconds to get here).
            let answered = Int64(Date().timeIntervalSince1970)
            #expect((now - 1)...(answered + 1) ~= Int64(serverTime))
            #expect(stale.json?["error"]?["retryable"] == .bool(false))
            let edge = try await client.send("GET", "/v1/me", timestamp: Int64(Date().timeIntervalSince1970) - 299)
            #expect(edge.status == 200)

            // 5. Signature mismatch; upper-case or short hex is well-formed and fails the same way.
            let bad = try await client.send("GET", "/v1/me", signature: "v1=" + String(repeating: "0", count: 64))
            #expect(bad.status == 401 && bad.errorCode == "invalid_signature")
            let good = RequestSigning.signature(secret: server.keys.ops.secret, timestamp: String(now), method: "GET",
                                                pathAndQuery: "/v1/me", body: [UInt8]())
            let upper = try await client.send("GET", "/v1/me", timestamp: now, signature: "v1=" + good.dropFirst(3).uppercased())
            #expect(upper.status == 401 && upper.errorCode == "invalid_signature")
            let short = try await client.send("GET", "/v1/me", timestamp: now, signature: String(good.dropLast(2)))
            #expect(short.status == 401 && short.errorCode == "invalid_signature")

            // 6. clubId of another club, with an unknown path too: auth comes before routing.
            let otherClub = try await client.get("/v1/nowhere?clubId=club_someoneelse")
            #expect(otherClub.status == 401 && otherClub.errorCode == "unauthorized")
            let ownClub = try await client.get("/v1/me?clubId=\(server.clubId)")
            #expect(ownClub.status == 200)
        }
    }

    @Test func theSignedTargetIsTheRawRequestLine() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            // Percent-encoding and `+` are signed as sent and decoded only afterwards.
            let response = try await client.get("/v1/members?q=%C3%A9+&limit=5&includeDeleted=true")
            #expect(response.status == 200)
        }
    }

    @Test func unknownPathsMethodsAndParametersAreInvalidRequests() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            for target in ["/v1/nowhere", "/v2/me", "/v1/members/", "/v1/me?verbose=1", "/v1/members?limit=5&bogus=x",
                           "/v1/changes", "/v1/members?q=%FF"] {
                let response = try await client.get(target)
                #expect(response.status == 400 && response.errorCode == "invalid_request", "\(target): \(response.status) \(response.text)")
            }
            let delete = try await client.send("DELETE", "/v1/me")
            #expect(delete.status == 400 && delete.errorCode == "invalid_request")
            let postRead = try await client.send("POST", "/v1/members", body: Array("{}".utf8),
                                                 headers: [("Content-Type", "application/json")])
            #expect(postRead.status == 400)
        }
    }

    /// What keeps the routing hand-rolled (docs/api.md, "How the sandbox is built"): empty
    /// segments are unknown paths, and segments are matched after percent-decoding.
    @Test func routingRefusesEmptySegmentsAndMatchesDecodedSegments() async throws {
        try await withSandbox { server in
            let client = SignedClient(server)
            for target in ["/v1//reviews", "/v1/reviews/", "//v1/me", "/v1/changes//head"] {
                let response = try await client.get(target)
                #expect(response.status == 400 && response.errorCode == "invalid_request", "\(target): \(response.status)")
            }
            #expect(try await client.get("/v1/m%65").data?["keyId"]?.stringValue == server.keys.ops.id)
            let member = try #require(try await server.snapshot().members.first)
            let encoded = "mem%5F" + member.id.dropFirst(4)
            #expect(try await client.get("/v1/members/\(encoded)").data?["id"]?.stringValue == member.id)
        }
    }
}
