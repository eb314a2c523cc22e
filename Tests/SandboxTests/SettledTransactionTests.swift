import Foundation
import RewardsContract
import Sandbox
import Testing

/// `POST /v1/transactions/settled` (§10, seed 002).
@Suite struct SettledTransactionTests {
    @Test func earnsFloorOfAmountTimesRateIntoTheLedger() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            let poolBefore = try await server.clubSettings().pointsPool
            let settled = try await club.settle(id: "POS-1", memberId: member, amountMinor: 1239)
            #expect(settled.status == 200, "\(settled.text)")
            #expect(settled.data?["points"]?.intValue == 123)
            #expect(settled.data?["pointsAvailable"]?.intValue == 123)
            #expect(settled.data?["externalTransactionId"]?.stringValue == "POS-1")
            let ledger = try await server.ledger(memberId: member)
            #expect(ledger.map(\.kind) == [.earn] && ledger.first?.points == 123)
            #expect(ledger.first?.externalTransactionId == "POS-1")
            #expect(ledger.first?.id == settled.data?["ledgerEntryId"]?.stringValue)
            let stored = try #require(try await server.snapshot().members.first { $0.id == member })
            #expect(stored.pointsAvailable == 123 && stored.pointsLifetime == 123)
            #expect(try await server.clubSettings().pointsPool == poolBefore - 123)

            try await server.updateClub { $0.earnRate = ClubSettings.Ratio(3, per: 100) }
            let custom = try await club.settle(memberId: member, amountMinor: 999)
            #expect(custom.data?["points"]?.intValue == 29)
        }
    }

    @Test func resendsConflictsAndReplays() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            let first = try await club.settle(id: "POS-7", memberId: member, amountMinor: 1000, key: "settle-7")
            let replay = try await club.settle(id: "POS-7", memberId: member, amountMinor: 1000, key: "settle-7")
            #expect(replay.status == 200 && replay.body == first.body && replay.header("Idempotent-Replayed") == "true")
            let resent = try await club.settle(id: "POS-7", memberId: member, amountMinor: 1000)
            #expect(resent.status == 409 && resent.errorCode == "duplicate_event")
            let conflicting = try await club.settle(id: "POS-7", memberId: member, amountMinor: 1001)
            #expect(conflicting.status == 409 && conflicting.errorCode == "external_transaction_conflict")
            #expect(conflicting.errorDetails?["externalTransactionId"]?.stringValue == "POS-7")
            let otherCurrency = try await club.settle(id: "POS-7", memberId: member, amountMinor: 1000, currency: "GBP")
            #expect(otherCurrency.errorCode == "external_transaction_conflict")
            #expect(try await server.ledger(memberId: member).count == 1)
        }
    }

    @Test func refusesBadAmountsCurrenciesMembersAndAnEmptyPool() async throws {
        try await withSandbox { server in
            let club = ClubCalls(server)
            let member = try await club.member()
            for amount in [0, -5] {
                let response = try await club.settle(memberId: member, amountMinor: amount)
                #expect(response.status == 422 && response.errorCode == "invalid_transaction_amount")
            }
            #expect(try await club.settle(memberId: member, amountMinor: 9).errorCode == "points_calculation_zero")
            let usd = try await club.settle(memberId: member, amountMinor: 1000, currency: "USD")
            #expect(usd.status == 422 && usd.errorCode == "unsupported_currency")
            #expect(usd.errorDetails?["currency"]?.stringValue == "USD")
            #expect(try await club.settle(memberId: member, amountMinor: 1000, currency: "GBP").errorCode
                == "partner_configuration_incomplete")
            let nobody = try await club.settle(memberId: "mem_nobody", amountMinor: 1000)
            #expect(nobody.status == 404 && nobody.errorCode == "cardholder_not_found")
            let text = try await club.client.post("/v1/transactions/settled", json: """
                {"externalTransactionId":"P","memberId":"\(member)","transaction":{"amountMinor":"10","currency":"EUR"}}
                """, idempotencyKey: "typed")
            #expect(text.status == 400 && text.errorDetails?["field"]?.stringValue == "transaction.amountMinor")

            try await server.updateClub { $0.pointsPool = 50 }
            #expect(try await club.settle(memberId: member, amountMinor: 1000).errorCode == "insufficient_partner_points_pool")
            try await server.updateClub { $0.pointsPool = 1_000; $0.configurationComplete = false }
            #expect(try await club.settle(memberId: member, amountMinor: 1000).errorCode == "partner_configuration_incomplete")
            #expect(try await server.ledger(memberId: member).isEmpty)
        }
    }
}
