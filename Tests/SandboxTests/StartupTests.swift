import Foundation
import RewardsContract
import Sandbox
import Testing

@Suite struct StartupTests {
    @Test func startupLineIsOneJSONLineWithAddressClubAndKeys() async throws {
        try await withSandbox { server in
            let line = server.startupLine()
            #expect(!line.contains("\n"))
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            #expect(json["baseUrl"]?.stringValue == "http://127.0.0.1:\(server.port)")
            #expect(server.port > 0)
            #expect(json["environment"]?.stringValue == "test")
            #expect(json["clubId"]?.stringValue == server.clubId)
            #expect(server.clubId.hasPrefix("club_"))
            #expect(json["keys"]?["ops"]?["id"]?.stringValue == server.keys.ops.id)
            #expect(json["keys"]?["ops"]?["secret"]?.stringValue == server.keys.ops.secret)
            #expect(json["keys"]?["support"]?["id"]?.stringValue == server.keys.support.id)
            #expect(KeyID.environment(of: server.keys.ops.id) == .test)
            #expect(KeyID.environment(of: server.keys.support.id) == .test)
            #expect(line.hasPrefix("{\"baseUrl\": \"http://127.0.0.1:"))
        }
    }

    @Test func liveServerIssuesLiveKeys() async throws {
        try await withSandbox(environment: .live) { server in
            #expect(server.keys.ops.id.hasPrefix("mr_live_"))
            #expect(server.environment == .live)
        }
    }

    @Test func sameSeedGivesSameDataAndKeys() async throws {
        let first = try await SandboxServer.start(SandboxOptions(members: 80, seed: 42))
        let second = try await SandboxServer.start(SandboxOptions(members: 80, seed: 42))
        let a = try await first.snapshot(), b = try await second.snapshot()
        #expect(first.keys == second.keys)
        #expect(first.clubId == second.clubId)
        #expect(a.members.map(\.id) == b.members.map(\.id))
        #expect(a.members.map(\.name) == b.members.map(\.name))
        #expect(a.members.map(\.pointsAvailable) == b.members.map(\.pointsAvailable))
        #expect(a.redemptions.map(\.status) == b.redemptions.map(\.status))
        #expect(a.reviews.map(\.id) == b.reviews.map(\.id))
        await first.stop()
        await second.stop()
    }

    @Test func generatedDataHasTheVarietyTheConsoleMustHandle() async throws {
        try await withSandbox(members: 400) { server in
            let snapshot = try await server.snapshot()
            #expect(snapshot.members.count == 400)
            #expect(snapshot.members.map(\.id) == snapshot.members.map(\.id).sorted())
            #expect(Set(snapshot.members.map(\.id)).count == 400)
            #expect(snapshot.members.contains { $0.name.contains("\u{1b}[") })
            #expect(snapshot.members.contains { $0.name.unicodeScalars.contains("\u{202E}") })
            #expect(snapshot.members.contains { $0.name.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
            #expect(snapshot.members.contains { $0.status == .suspended })
            let deleted = snapshot.members.filter { $0.status == .deleted }
            #expect(!deleted.isEmpty && deleted.allSatisfy { $0.deletedAt != nil })
            #expect((20...80).contains(snapshot.redemptions.count))
            let statuses = Set(snapshot.redemptions.map(\.status))
            #expect(statuses.contains(.pendingApproval) && statuses.contains(.payoutFailed))
            #expect(snapshot.redemptions.filter { $0.status == .payoutFailed }.allSatisfy {
                $0.lastError != nil && $0.payoutAttempts > 0
            })
            #expect((8...40).contains(snapshot.reviews.count))
            #expect(snapshot.reviews.contains { $0.status == .open })
            #expect(snapshot.reviews.filter { $0.kind == .reversal }.allSatisfy {
                $0.reasonCode == "manual_review_required" && $0.shortfall > 0
            })
            #expect((50...120).contains(snapshot.requestLogs.count))
            #expect(Set(snapshot.requestLogs.map(\.code)).count >= 10)
            #expect(snapshot.requestLogs.allSatisfy { $0.httpStatus >= 400 })
            for member in snapshot.members.prefix(60) {
                let ledger = try await server.ledger(memberId: member.id)
                #expect(ledger.reduce(0) { $0 + $1.points } == member.pointsAvailable, "\(member.id)")
            }
        }
    }
}
