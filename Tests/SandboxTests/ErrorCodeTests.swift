import Foundation
import RewardsContract
import Sandbox
import Testing

/// Every error code of contract §4, reached through a real request: its status, its code, its
/// `retryable`, the envelope's shape, the request id, and `Retry-After` where §3 wants one.
@Suite struct ErrorCodeTests {
    @Test func everyCodeOfTheContractHasATrigger() {
        #expect(Set(ErrorCode.allKnown) == Set(ErrorTriggers.codes))
    }

    @Test(arguments: ErrorTriggers.codes)
    func eachCodeIsReachable(_ code: ErrorCode) async throws {
        try await withSandbox(SandboxOptions(members: 200, feedHistoryLimit: 10)) { server in
            let response = try await ErrorTriggers.trigger(code, on: server)
            let expected = try #require(ErrorCode.table[code])
            #expect(response.status == expected.status, "\(code): \(response.status) \(response.text)")
            #expect(response.errorCode == code.rawValue, "\(code): \(response.text)")
            let json = try #require(response.json)
            #expect(json["ok"] == .bool(false))
            let error = try #require(json["error"])
            #expect(error["retryable"] == .bool(expected.retryable))
            #expect(error["message"]?.stringValue?.isEmpty == false)
            if let details = error["details"] {
                guard case .object = details else { Issue.record("details is not an object: \(details)"); return }
            }
            if case .object(let fields) = error {
                #expect(Set(fields.keys).isSubset(of: ["code", "message", "retryable", "details"]))
            }
            let requestId = try #require(response.header("X-Request-ID"))
            #expect(requestId.wholeMatch(of: /req_[A-Za-z0-9]{8,}/) != nil)
            #expect(response.header("Content-Type") == "application/json")
            if expected.status == 429 || expected.status == 503 {
                let retryAfter = try #require(response.header("Retry-After"))
                #expect(Int(retryAfter).map { $0 >= 1 } == true)
            }
        }
    }
}

/// One request (after whatever setup it needs) that earns each code.
enum ErrorTriggers {
    static let codes: [ErrorCode] = [
        .invalidRequest, .unauthorized, .invalidSignature, .staleTimestamp, .forbidden, .cardholderNotFound,
        .partnerNotFound, .redemptionNotFound, .reviewNotFound, .originalEarnNotFound, .duplicateIdempotencyConflict,
        .duplicateEvent, .externalTransactionConflict, .externalRequestConflict, .alreadyReversed,
        .reviewAlreadyDecided, .versionConflict, .cursorExpired, .unsupportedCurrency,
        .partnerConfigurationIncomplete, .partnerFundingRestricted, .insufficientPartnerPointsPool,
        .insufficientPointsBalance, .insufficientPartnerCashCapacity, .missingPayoutReference,
        .invalidTransactionAmount, .pointsCalculationZero, .invalidOriginalEarn, .manualReviewRequired,
        .invalidRedemptionPoints, .invalidRedemptionValue, .minimumRedemption, .rateLimited, .internalError,
        .unavailable,
    ]

    static func trigger(_ code: ErrorCode, on server: SandboxServer) async throws -> WireResponse {
        let client = SignedClient(server)
        let club = ClubCalls(server)
        switch code {
        case .invalidRequest:
            return try await client.get("/v1/nowhere")
        case .unauthorized:
            return try await SignedClient(server, key: try #require(server.keys.wrongEnv as SandboxKey?) as SandboxKey).get("/v1/me")
        case .invalidSignature:
            return try await client.send("GET", "/v1/me", signature: "v1=" + String(repeating: "0", count: 64))
        case .staleTimestamp:
            return try await client.send("GET", "/v1/me", timestamp: Int64(Date().timeIntervalSince1970) - 400)
        case .forbidden:
            return try await SignedClient(server, key: server.keys.support)
                .post("/v1/reviews/rev_any/approve", json: "{\"expectedVersion\":1}", idempotencyKey: "k")
        case .cardholderNotFound:
            return try await client.get("/v1/members/mem_nothere")
        case .partnerNotFound:
            try await server.updateClub { $0.exists = false }
            return try await club.upsertMember()
        case .redemptionNotFound:
            return try await client.post("/v1/redemptions/red_nothere/approve", json: "{\"expectedVersion\":1}",
                                         idempotencyKey: "k")
        case .reviewNotFound:
            return try await client.post("/v1/reviews/rev_nothere/approve", json: "{\"expectedVersion\":1}",
                                         idempotencyKey: "k")
        case .originalEarnNotFound:
            return try await club.reverse("POS-never-settled")
        case .duplicateIdempotencyConflict:
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000, key: "same-key")
            return try await club.settle(id: "POS-1", memberId: member, amountMinor: 2000, key: "same-key")
        case .duplicateEvent:
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
            return try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
        case .externalTransactionConflict:
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
            return try await club.settle(id: "POS-1", memberId: member, amountMinor: 1500)
        case .externalRequestConflict:
            let member = try await club.member(points: 1000)
            _ = try await club.redeem(memberId: member, points: 200, externalRequestId: "RQ-1")
            return try await club.redeem(memberId: member, points: 300, externalRequestId: "RQ-1")
        case .alreadyReversed:
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
            _ = try await club.reverse("POS-1")
            return try await club.reverse("POS-1")
        case .reviewAlreadyDecided:
            let review = try #require(try await server.snapshot().reviews.first { $0.status == .approved })
            return try await client.post("/v1/reviews/\(review.id)/approve",
                                         json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "k")
        case .versionConflict:
            let review = try #require(try await server.snapshot().reviews.first { $0.status == .open })
            return try await client.post("/v1/reviews/\(review.id)/approve",
                                         json: "{\"expectedVersion\":\(review.version + 1)}", idempotencyKey: "k")
        case .cursorExpired:
            let head = try #require(try await client.get("/v1/changes/head").data?["cursor"]?.stringValue)
            try await server.simulateActivity(steps: 30, seed: 1)
            return try await client.get("/v1/changes?after=\(head)")
        case .unsupportedCurrency:
            return try await club.settle(memberId: try await club.member(), amountMinor: 1000, currency: "USD")
        case .partnerConfigurationIncomplete:
            return try await club.settle(memberId: try await club.member(), amountMinor: 1000, currency: "GBP")
        case .partnerFundingRestricted:
            let member = try await club.member(points: 1000)
            try await server.updateClub { $0.fundingRestricted = true }
            return try await club.redeem(memberId: member, points: 500)
        case .insufficientPartnerPointsPool:
            try await server.updateClub { $0.pointsPool = 10 }
            return try await club.settle(memberId: try await club.member(), amountMinor: 1000)
        case .insufficientPointsBalance:
            return try await club.redeem(memberId: try await club.member(points: 300), points: 400)
        case .insufficientPartnerCashCapacity:
            let member = try await club.member(points: 1000)
            try await server.updateClub { $0.cashCapacityMinor = 100 }
            return try await club.redeem(memberId: member, points: 500)
        case .missingPayoutReference:
            return try await club.redeem(memberId: try await club.member(points: 1000, payoutReady: false), points: 500)
        case .invalidTransactionAmount:
            return try await club.settle(memberId: try await club.member(), amountMinor: 0)
        case .pointsCalculationZero:
            return try await club.settle(memberId: try await club.member(), amountMinor: 9)
        case .invalidOriginalEarn:
            try await server.updateClub { $0.reversalWindowDays = 0 }
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
            try await Task.sleep(for: .milliseconds(20))
            return try await club.reverse("POS-1")
        case .manualReviewRequired:
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 10_000)
            _ = try await club.redeem(memberId: member, points: 800)
            return try await club.reverse("POS-1")
        case .invalidRedemptionPoints:
            return try await club.redeem(memberId: try await club.member(points: 1000), points: 0)
        case .invalidRedemptionValue:
            return try await club.redeem(memberId: try await club.member(points: 1000), points: 5_000_000)
        case .minimumRedemption:
            return try await club.redeem(memberId: try await club.member(points: 1000), points: 50)
        case .rateLimited:
            // Calls until one is limited (bounded): on a loaded machine a token may refill
            // between two calls, so a fixed count is a timing.
            server.setRateLimit(1)
            var response = try await client.get("/v1/me")
            for _ in 0..<200 where response.status != 429 { response = try await client.get("/v1/me") }
            return response
        case .internalError:
            server.setFaults(try FaultSettings().withRates("500=1"))
            return try await client.get("/v1/me")
        case .unavailable:
            server.setFaults(try FaultSettings().withRates("503=1"))
            return try await client.get("/v1/me")
        default:
            Issue.record("no trigger for \(code)")
            return try await client.get("/v1/me")
        }
    }
}
