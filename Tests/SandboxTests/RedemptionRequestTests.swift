import Foundation
import RewardsContract
import Sandbox
import Testing

/// `POST /v1/redemptions` (§10, seed 002) and the 422s of approving one (§8).
@Suite struct RedemptionRequestTests {
    @Test func reservesBelowTheThresholdAndWaitsAboveIt() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member(points: 5000)
            let capacity = try await server.clubSettings().cashCapacityMinor
            let small = try await club.redeem(memberId: member, points: 1500)
            #expect(small.status == 200, "\(small.text)")
            let reserved = try JSONDecoder().decode(SuccessEnvelope<Redemption>.self, from: Data(small.body)).data
            #expect(reserved.status == .reserved && reserved.cashValueMinor == 1500 && reserved.version == 1)
            #expect(try await server.clubSettings().cashCapacityMinor == capacity - 1500)
            let big = try await club.redeem(memberId: member, points: 2500)
            #expect(big.data?["status"]?.stringValue == "pending_approval")
            #expect(try await server.clubSettings().cashCapacityMinor == capacity - 1500)
            let ledger = try await server.ledger(memberId: member)
            #expect(ledger.map(\.points) == [5000, -1500, -2500])
            #expect(ledger.last?.redemptionId == big.data?["id"]?.stringValue)
            let stored = try #require(try await server.snapshot().members.first { $0.id == member })
            #expect(stored.pointsAvailable == 1000)
        }
    }

    @Test func eachRuleInItsOrder() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member(points: 1000)
            #expect(try await club.redeem(memberId: "mem_nobody", points: 100).errorCode == "cardholder_not_found")
            #expect(try await club.redeem(memberId: member, points: 0).errorCode == "invalid_redemption_points")
            #expect(try await club.redeem(memberId: member, points: -100).errorCode == "invalid_redemption_points")
            #expect(try await club.redeem(memberId: member, points: 1_000_001).errorCode == "invalid_redemption_value")
            #expect(try await club.redeem(memberId: member, points: 99).errorCode == "minimum_redemption")
            #expect(try await club.redeem(memberId: member, points: 1001).errorCode == "insufficient_points_balance")
            let unready = try await club.member(points: 1000, payoutReady: false)
            #expect(try await club.redeem(memberId: unready, points: 500).errorCode == "missing_payout_reference")
            try await server.updateClub { $0.pointValue = ClubSettings.Ratio(1, per: 2) }
            #expect(try await club.redeem(memberId: member, points: 301).errorCode == "invalid_redemption_value")
            try await server.updateClub { $0.pointValue = ClubSettings.Ratio(1, per: 1); $0.cashCapacityMinor = 400 }
            #expect(try await club.redeem(memberId: member, points: 500).errorCode == "insufficient_partner_cash_capacity")
            try await server.updateClub { $0.fundingRestricted = true }
            #expect(try await club.redeem(memberId: member, points: 500).errorCode == "partner_funding_restricted")
            try await server.updateClub { $0.configurationComplete = false }
            #expect(try await club.redeem(memberId: member, points: 500).errorCode == "partner_configuration_incomplete")
            #expect(try await server.ledger(memberId: member).count == 1)
        }
    }

    @Test func externalRequestIdsGuardAgainstASecondRedemption() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member(points: 2000)
            let first = try await club.redeem(memberId: member, points: 300, externalRequestId: "RQ-1")
            #expect(first.status == 200)
            let resent = try await club.redeem(memberId: member, points: 300, externalRequestId: "RQ-1")
            #expect(resent.status == 409 && resent.errorCode == "duplicate_event")
            #expect(resent.errorDetails?["redemptionId"]?.stringValue == first.data?["id"]?.stringValue)
            let conflicting = try await club.redeem(memberId: member, points: 400, externalRequestId: "RQ-1")
            #expect(conflicting.status == 409 && conflicting.errorCode == "external_request_conflict")
        }
    }

    @Test func approvingAWaitingRedemptionChecksMinimumAndCapacity() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member(points: 9000)
            let waiting = try JSONDecoder().decode(SuccessEnvelope<Redemption>.self,
                                                   from: Data(try await club.redeem(memberId: member, points: 3000).body)).data
            #expect(waiting.status == .pendingApproval)
            let path = "/v1/redemptions/\(waiting.id)/approve"
            let body = "{\"expectedVersion\":\(waiting.version)}"

            try await server.updateClub { $0.minimumRedemptionMinor = 5000 }
            let minimum = try await club.client.post(path, json: body, idempotencyKey: "m")
            #expect(minimum.status == 422 && minimum.errorCode == "minimum_redemption")
            try await server.updateClub { $0.minimumRedemptionMinor = 100; $0.cashCapacityMinor = 2999 }
            let capacity = try await club.client.post(path, json: body, idempotencyKey: "c")
            #expect(capacity.status == 422 && capacity.errorCode == "insufficient_partner_cash_capacity")
            #expect(try await server.snapshot().redemptions.first { $0.id == waiting.id } == waiting)

            try await server.updateClub { $0.cashCapacityMinor = 3000 }
            let approved = try await club.client.post(path, json: body, idempotencyKey: "ok")
            #expect(approved.status == 200 && approved.data?["status"]?.stringValue == "reserved")
            #expect(try await server.clubSettings().cashCapacityMinor == 0)
        }
    }
}
