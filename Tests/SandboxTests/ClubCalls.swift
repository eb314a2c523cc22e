import Foundation
import RewardsContract
import Sandbox
import Testing

/// The integration calls of §10, as the tests make them (each with a fresh idempotency key
/// unless one is given).
struct ClubCalls: Sendable {
    let client: SignedClient

    init(_ server: SandboxServer, key: SandboxKey? = nil) {
        client = SignedClient(server, key: key)
    }

    static func fresh() -> String { "t-" + UUID().uuidString }

    static func json(_ fields: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(JSONValue.object(fields))) ?? Data("{}".utf8), as: UTF8.self)
    }

    func post(_ path: String, _ fields: [String: JSONValue], key: String? = fresh()) async throws -> WireResponse {
        try await client.post(path, json: Self.json(fields), idempotencyKey: key)
    }

    func upsertMember(ref: String = fresh(), name: String = "Ana Silva", email: String = "ana@example.com",
                      payoutReady: Bool? = true, status: String? = nil) async throws -> WireResponse {
        var fields: [String: JSONValue] = ["externalRef": .string(ref), "name": .string(name), "email": .string(email)]
        if let payoutReady { fields["payoutReady"] = .bool(payoutReady) }
        if let status { fields["status"] = .string(status) }
        return try await post("/v1/members", fields)
    }

    /// A new member with `points` points from one settled transaction (amount = points × 10).
    func member(points: Int = 0, payoutReady: Bool = true) async throws -> String {
        let created = try await upsertMember(payoutReady: payoutReady)
        try #require(created.status == 200, "\(created.text)")
        let id = try #require(created.data?["id"]?.stringValue)
        if points > 0 {
            let settled = try await settle(memberId: id, amountMinor: points * 10)
            try #require(settled.status == 200, "\(settled.text)")
        }
        return id
    }

    func settle(id: String = fresh(), memberId: String, amountMinor: Int, currency: String = "EUR",
                key: String? = fresh()) async throws -> WireResponse {
        try await post("/v1/transactions/settled", [
            "externalTransactionId": .string(id), "memberId": .string(memberId),
            "transaction": .object(["amountMinor": .int(Int64(amountMinor)), "currency": .string(currency)]),
        ], key: key)
    }

    func reverse(_ externalTransactionId: String) async throws -> WireResponse {
        try await post("/v1/reversals", ["externalTransactionId": .string(externalTransactionId)])
    }

    func redeem(memberId: String, points: Int, externalRequestId: String? = nil) async throws -> WireResponse {
        var fields: [String: JSONValue] = ["memberId": .string(memberId), "points": .int(Int64(points))]
        if let externalRequestId { fields["externalRequestId"] = .string(externalRequestId) }
        return try await post("/v1/redemptions", fields)
    }

    func payout(_ redemptionId: String, succeeded: Bool) async throws -> WireResponse {
        try await post("/v1/redemptions/\(redemptionId)/payouts", ["outcome": .string(succeeded ? "succeeded" : "failed")])
    }
}
