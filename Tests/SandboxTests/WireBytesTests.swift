import Foundation
import RewardsContract
import Sandbox
import SandboxTraffic
import Testing

/// The server writes some objects' JSON by hand for speed; on the wire it must be exactly what
/// JSONEncoder (sorted keys, slashes unescaped) makes of the contract types.
@Suite struct WireBytesTests {
    static func encoded<T: Encodable>(_ values: [T]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: ",")
    }

    static func dataText(_ response: WireResponse) throws -> String {
        let text = response.text
        let prefix = "{\"ok\":true,\"data\":["
        try #require(text.hasPrefix(prefix))
        let end = try #require(text.range(of: "],\"page\":", options: .backwards))
        return String(text[text.index(text.startIndex, offsetBy: prefix.count)..<end.lowerBound])
    }

    @Test func membersAndLedgersAreJSONEncoderBytes() async throws {
        // 480 members include every hostile name (escapes, NUL, bidi, CR/LF/tab, bell).
        try await withSandbox(members: 480) { server in
            try await server.simulateActivity(steps: 60, seed: 2)
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            #expect(snapshot.members.contains { $0.name.contains("\u{0}") })
            let page = try await client.get("/v1/members?includeDeleted=true&limit=1000")
            #expect(try Self.dataText(page) == Self.encoded(snapshot.members))
            for member in snapshot.members.prefix(40) {
                let ledger = try await client.get("/v1/members/\(member.id)/ledger?limit=1000")
                let entries = try await server.ledger(memberId: member.id)
                #expect(try Self.dataText(ledger) == Self.encoded(Array(entries.reversed())))
            }
            let reviews = try await client.get("/v1/reviews?limit=1000")
            #expect(try Self.dataText(reviews) == Self.encoded(snapshot.reviews))
        }
    }

    @Test func redemptionsReviewsAndRequestLogsAreJSONEncoderBytes() async throws {
        try await withSandbox(members: 480) { server in
            // Objects made by every path: generated, simulated, and the integration calls.
            try await server.simulateActivity(steps: 100, seed: 6)
            _ = await TrafficGenerator(server: server).run(steps: 250, seed: 6)
            let client = SignedClient(server)
            let snapshot = try await server.snapshot()
            #expect(snapshot.redemptions.contains { $0.lastError != nil })
            #expect(snapshot.requestLogs.contains { $0.details != nil } && snapshot.requestLogs.contains { $0.details == nil })
            let redemptions = try await client.get("/v1/redemptions?limit=1000")
            #expect(try Self.dataText(redemptions) == Self.encoded(Array(snapshot.redemptions.prefix(1000))))
            let reviews = try await client.get("/v1/reviews?limit=1000")
            #expect(try Self.dataText(reviews) == Self.encoded(Array(snapshot.reviews.prefix(1000))))
            let logs = try await client.get("/v1/request-logs?limit=1000")
            #expect(try Self.dataText(logs) == Self.encoded(Array(snapshot.requestLogs.prefix(1000))))
        }
    }
}
