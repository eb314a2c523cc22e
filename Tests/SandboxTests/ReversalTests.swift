import Foundation
import RewardsContract
import Sandbox
import Testing

/// `POST /v1/reversals` (§10, seed 002).
@Suite struct ReversalTests {
    @Test func reversesAnEarnOnceAndOnlyOnce() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 5000)
            let pool = try await server.clubSettings().pointsPool
            let reversed = try await club.reverse("POS-1")
            #expect(reversed.status == 200, "\(reversed.text)")
            #expect(reversed.data?["points"]?.intValue == 500 && reversed.data?["pointsAvailable"]?.intValue == 0)
            let ledger = try await server.ledger(memberId: member)
            #expect(ledger.map(\.kind) == [.earn, .reversal] && ledger.last?.points == -500)
            #expect(ledger.last?.externalTransactionId == "POS-1")
            #expect(try await server.clubSettings().pointsPool == pool + 500)
            let again = try await club.reverse("POS-1")
            #expect(again.status == 409 && again.errorCode == "already_reversed")
            let unknown = try await club.reverse("POS-unknown")
            #expect(unknown.status == 404 && unknown.errorCode == "original_earn_not_found")
        }
    }

    @Test func spentPointsOpenOneReviewThatDecides() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            _ = try await club.settle(id: "POS-9", memberId: member, amountMinor: 10_000)
            _ = try await club.redeem(memberId: member, points: 700)
            let reviewsBefore = try await server.snapshot().reviews.count

            let refused = try await club.reverse("POS-9")
            #expect(refused.status == 422 && refused.errorCode == "manual_review_required")
            let reviewId = try #require(refused.errorDetails?["reviewId"]?.stringValue)
            #expect(refused.errorDetails?["pointsRequested"]?.intValue == 1000)
            #expect(refused.errorDetails?["pointsAvailable"]?.intValue == 300)
            let review = try #require(try await server.snapshot().reviews.first { $0.id == reviewId })
            #expect(review.kind == .reversal && review.reasonCode == "manual_review_required" && review.status == .open)
            #expect(review.subjectRef == "POS-9" && review.memberId == member && review.pointsRequested == 1000)
            #expect(review.pointsAvailable == 300 && review.amountMinor == 10_000 && review.currency == "EUR")

            // Even once the balance has recovered, the waiting review decides; no second review.
            _ = try await club.settle(memberId: member, amountMinor: 20_000)
            let second = try await club.reverse("POS-9")
            #expect(second.errorCode == "manual_review_required" && second.errorDetails?["reviewId"]?.stringValue == reviewId)
            #expect(try await server.snapshot().reviews.count == reviewsBefore + 1)

            let approve = try await club.client.post("/v1/reviews/\(reviewId)/approve",
                                                     json: "{\"expectedVersion\":1}", idempotencyKey: "a")
            #expect(approve.status == 200)
            #expect(try await club.reverse("POS-9").errorCode == "already_reversed")
            let ledger = try await server.ledger(memberId: member)
            #expect(ledger.filter { $0.kind == .reversal }.map(\.points) == [-1000])
            let stored = try #require(try await server.snapshot().members.first { $0.id == member })
            #expect(stored.pointsAvailable == ledger.reduce(0) { $0 + $1.points })
        }
    }

    @Test func deletedMembersAndOldEarnsAreInvalid() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let created = try await club.upsertMember(ref: "CRM-7")
            let member = try #require(created.data?["id"]?.stringValue)
            _ = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1000)
            _ = try await club.upsertMember(ref: "CRM-7", status: "deleted")
            let deleted = try await club.reverse("POS-1")
            #expect(deleted.status == 422 && deleted.errorCode == "invalid_original_earn")

            // Generated earns go back two years; the window is 180 days.
            let old = try #require(try await Self.generatedEarn(server, olderThanDays: 200))
            let expired = try await club.reverse(old)
            #expect(expired.status == 422 && expired.errorCode == "invalid_original_earn", "\(expired.text)")
        }
    }

    /// An unreversed earn of a live generated member, older than `days`.
    static func generatedEarn(_ server: SandboxServer, olderThanDays days: Double) async throws -> String? {
        let limit = Date().addingTimeInterval(-days * 86_400)
        for member in try await server.snapshot().members where member.status != .deleted {
            let ledger = try await server.ledger(memberId: member.id)
            let reversed = Set(ledger.filter { $0.kind == .reversal }.compactMap(\.externalTransactionId))
            if let earn = ledger.first(where: {
                $0.kind == .earn && ($0.createdAt.date ?? Date()) < limit
                    && !reversed.contains($0.externalTransactionId ?? "")
            }) { return earn.externalTransactionId }
        }
        return nil
    }
}
