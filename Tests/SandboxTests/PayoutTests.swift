import Foundation
import RewardsContract
import Sandbox
import Testing

/// Payout reports, cancellations and erasures: the rest of the redemption's life (§10).
@Suite struct PayoutTests {
    static func reserved(_ club: ClubCalls, points: Int = 1000) async throws -> (member: String, redemption: String) {
        let member = try await club.member(points: points * 2)
        let response = try await club.redeem(memberId: member, points: points)
        try #require(response.data?["status"]?.stringValue == "reserved", "\(response.text)")
        return (member, try #require(response.data?["id"]?.stringValue))
    }

    @Test func aPaidRedemptionSpendsItsHold() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let (_, id) = try await Self.reserved(club)
            let capacity = try await server.clubSettings().cashCapacityMinor
            let paid = try await club.payout(id, succeeded: true)
            #expect(paid.data?["status"]?.stringValue == "paid" && paid.data?["payoutAttempts"]?.intValue == 1)
            #expect(try await server.clubSettings().cashCapacityMinor == capacity)
            let again = try await club.payout(id, succeeded: true)
            #expect(again.status == 400 && again.errorCode == "invalid_request")
            #expect(try await club.payout("red_nothere", succeeded: true).errorCode == "redemption_not_found")
        }
    }

    @Test func threeFailuresOpenARepeatedPayoutFailureReview() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let (_, id) = try await Self.reserved(club)
            for attempt in 1...3 {
                let failed = try await club.payout(id, succeeded: false)
                #expect(failed.data?["status"]?.stringValue == "payout_failed")
                #expect(failed.data?["payoutAttempts"]?.intValue == attempt)
                #expect(failed.data?["lastError"]?["code"]?.stringValue == "payout_rejected")
            }
            let review = try #require(try await server.snapshot().reviews.first { $0.subjectRef == id })
            #expect(review.kind == .payout && review.reasonCode == "repeated_payout_failure" && review.status == .open)
            #expect(review.pointsRequested == 1000 && review.amountMinor == 1000)
            let waiting = try await club.payout(id, succeeded: true)
            #expect(waiting.status == 400 && waiting.errorDetails?["reviewId"]?.stringValue == review.id)

            let approve = try await club.client.post("/v1/reviews/\(review.id)/approve",
                                                     json: "{\"expectedVersion\":\(review.version)}", idempotencyKey: "a")
            #expect(approve.status == 200)
            #expect(try await server.snapshot().redemptions.first { $0.id == id }?.status == .reserved)
            #expect(try await club.payout(id, succeeded: true).data?["status"]?.stringValue == "paid")
        }
    }

    @Test func cancellingGivesPointsAndCashBack() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let capacity = try await server.clubSettings().cashCapacityMinor
            let (member, id) = try await Self.reserved(club)
            let cancelled = try await club.post("/v1/redemptions/\(id)/cancel", [:])
            #expect(cancelled.data?["status"]?.stringValue == "cancelled")
            #expect(try await server.clubSettings().cashCapacityMinor == capacity)
            let ledger = try await server.ledger(memberId: member)
            #expect(ledger.map(\.kind) == [.earn, .redemption, .redemptionRelease])
            #expect(try await server.snapshot().members.first { $0.id == member }?.pointsAvailable == 2000)
            #expect(try await club.post("/v1/redemptions/\(id)/cancel", [:]).status == 400)
        }
    }

    @Test func anErasurePurgesTheMemberAndWhatHangsOffIt() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let capacity = try await server.clubSettings().cashCapacityMinor
            let (member, redemption) = try await Self.reserved(club)
            let head = try #require(try await club.client.get("/v1/changes/head").data?["cursor"]?.stringValue)
            let erased = try await club.post("/v1/members/\(member)/erase", [:])
            #expect(erased.status == 200 && erased.data == .object(["id": .string(member), "deleted": .bool(true)]))
            let changes = try await club.client.get("/v1/changes?after=\(head)")
            let entries = changes.dataArray
            #expect(entries.map { $0["id"]?.stringValue } == [redemption, member])
            #expect(entries.allSatisfy { $0["op"]?.stringValue == "delete" && $0["object"] == .null })
            #expect(entries.last?["version"]?.intValue == 4)
            #expect(try await club.client.get("/v1/members/\(member)").errorCode == "cardholder_not_found")
            #expect(try await server.ledger(memberId: member).isEmpty)
            #expect(try await server.clubSettings().cashCapacityMinor == capacity)
            #expect(try await club.post("/v1/members/\(member)/erase", [:]).errorCode == "cardholder_not_found")

            let generated = try #require(try await server.snapshot().members.first)
            #expect(try await server.purgeMember(id: generated.id))
            #expect(try await server.snapshot().members.contains { $0.id == generated.id } == false)
            #expect(try await server.purgeMember(id: generated.id) == false)
        }
    }
}
