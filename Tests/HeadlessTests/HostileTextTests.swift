import Foundation
import NIOHTTP1
import RewardsClient
import RewardsContract
import Sandbox
import Testing

/// Members with escape sequences, OSC 52, C1 controls, bidi overrides and CJK in their
/// names: the text output carries none of those controls raw, and --json is valid JSON
/// with every such character escaped, decoding back to the sandbox's exact strings.
@Suite struct HostileTextTests {
    /// Scalars no output of ours may carry raw: C0 but newline, DEL, C1, bidi controls.
    static func raw(_ data: Data) -> [UInt32] {
        String(decoding: data, as: UTF8.self).unicodeScalars.map(\.value).filter { value in
            (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    @Test func hostileNamesPrintInertAndRoundTripThroughJSON() async throws {
        let fixture = try await HeadlessFixture.start(members: 320, seed: 45)
        defer { Task { await fixture.stop() } }
        let snapshot = try await fixture.server.snapshot()
        let hostile = snapshot.members.filter { $0.name.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E } }
        try #require(hostile.count >= 3)
        let cjk = try #require(snapshot.members.first { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })

        for member in hostile + [cjk] {
            let text = try await fixture.run(["member", member.id])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(Self.raw(text.stdout).isEmpty, "\(member.id): \(Self.raw(text.stdout))")
            let json = try await fixture.run(["member", member.id, "--json"])
            #expect(Self.raw(json.stdout).isEmpty, "\(member.id): \(Self.raw(json.stdout))")
            #expect(try json.decoded(Member.self) == member)
        }
        #expect(try await fixture.run(["member", cjk.id]).text.contains(cjk.name))

        // A club's integration names a member with OSC 52 (set the clipboard), C1 CSI and NEL,
        // a bidi override and CJK; found by its external ref, it prints inert and exact in JSON.
        let integration = try #require(fixture.server.keys.integration)
        let client = PlatformClient(credentials: Credentials(baseURL: fixture.server.baseURL, keyId: integration.id,
                                                             secret: integration.secret))
        let name = "Oscar\u{1b}]52;c;cm0gLXJmIH4=\u{07} \u{9b}31mred\u{9b}0m \u{85}next \u{202E}txt.exe 陳大文"
        let body = try JSONEncoder().encode(["externalRef": "CRM-HOSTILE-52", "name": name, "email": "oscar@example.com"])
        _ = try await client.send(method: .POST, pathAndQuery: "/v1/members", body: body, idempotencyKey: "t-\(UUID().uuidString)")
        let oscar = try #require(try await fixture.server.snapshot().members.first { $0.externalRef == "CRM-HOSTILE-52" })
        #expect(oscar.name == name)
        let text = try await fixture.run(["member", "CRM-HOSTILE-52", "--sync"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(Self.raw(text.stdout).isEmpty, "\(Self.raw(text.stdout))")
        #expect(text.text.contains("txt.exe 陳大文") && !text.text.contains("]52;"))
        let json = try await fixture.run(["member", "CRM-HOSTILE-52", "--json"])
        #expect(Self.raw(json.stdout).isEmpty, "\(Self.raw(json.stdout))")
        #expect(try json.decoded(Member.self) == oscar)

        for arguments in [["reviews", "--limit", "10000"], ["redemptions", "--status", "all", "--limit", "10000"],
                          ["errors", "--limit", "10000"], ["reviews", "--json", "--limit", "10000"],
                          ["redemptions", "--jsonl", "--status", "all", "--limit", "10000"], ["export"]] {
            let run = try await fixture.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(Self.raw(run.stdout).isEmpty, "\(arguments): \(Self.raw(run.stdout))")
            #expect(Self.raw(Data(run.stderr.utf8)).isEmpty)
        }
        // export prints JSON without --json, and it is the mirror's rows.
        let export = try await fixture.run(["export", "--type", "members"])
        struct Members: Decodable { var members: [Member] }
        #expect(try export.decoded(Members.self).members == (try await fixture.server.snapshot().members))
        let audit = try await fixture.run(["audit"])
        #expect(audit.status == 0 && audit.text.hasPrefix("No decisions in the audit of "))
    }
}
