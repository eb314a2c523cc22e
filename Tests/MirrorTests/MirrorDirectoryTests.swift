import Foundation
import Mirror
import RewardsContract
import Testing

/// Default mirrors are per platform host, club and environment; the directory remembers
/// which club each key is of, so an offline start finds its file.
@Suite struct MirrorDirectoryTests {
    func temporaryDirectory() -> MirrorDirectory {
        MirrorDirectory(path: FileManager.default.temporaryDirectory.appendingPathComponent("rwops-dir-\(UUID().uuidString)").path)
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(MirrorDirectory(environment: ["XDG_DATA_HOME": "/d"]).path == "/d/rewards-ops")
        #expect(MirrorDirectory(environment: ["HOME": "/home/op"]).path == "/home/op/.local/share/rewards-ops")
    }

    @Test func aKeyFindsItsClubsFileOnceItsClubIsKnown() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory.path) }
        let key = "mr_live_abcdefghijklmnopqrstuvwx"
        #expect(directory.mirrorFile(baseURL: "https://API.example.com:8443/base", keyId: key) == nil, "first run: unknown")
        let me = Me(keyId: key, clubId: "club_18k1i56emphif", clubName: "N", environment: .live, role: .ops)
        let file = directory.remember(baseURL: "https://API.example.com:8443/base", me: me)
        #expect(file == directory.path + "/api.example.com-club_18k1i56emphif-live.sqlite")
        #expect(directory.mirrorFile(baseURL: "https://api.example.com", keyId: key) == file)
        #expect(directory.mirrorFile(baseURL: "https://staging.example.com", keyId: key) == nil, "another host")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path + "/keys.json")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func twoClubsOrTwoEnvironmentsNeverShareAFile() {
        let directory = temporaryDirectory()
        let files = Set([("club_a", Environment.test), ("club_a", .live), ("club_b", .test)].map {
            directory.mirrorFile(host: "h.example", clubId: $0.0, environment: $0.1)
        })
        #expect(files.count == 3)
    }

    @Test func whatTheServerSaysCannotLeaveTheDirectory() {
        let directory = temporaryDirectory()
        for clubId in ["../../etc/passwd", "..", "/", "club\u{1b}]0;x\u{7}", String(repeating: "z", count: 500)] {
            let file = directory.mirrorFile(host: "h", clubId: clubId, environment: Environment(rawValue: "../x"))
            #expect((file as NSString).deletingLastPathComponent == directory.path, "\(file)")
            #expect(!(file as NSString).lastPathComponent.unicodeScalars.contains { $0.value < 0x20 })
            #expect((file as NSString).lastPathComponent.count < 160)
        }
    }
}
