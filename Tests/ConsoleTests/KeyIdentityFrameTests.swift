import Foundation
import Mirror
import RewardsClient
import RewardsContract
import SyncEngine
import Terminal
import Testing
@testable import Console

/// Until `/v1/me` answers, the key's own prefix says TEST or LIVE, whatever the mirror last saw;
/// a cached identity is only ever the same key's (issue #16).
@Suite struct KeyIdentityFrameTests {
    static let testKey = "mr_test_abcdefghijklmnopqrstuvwx"
    static let liveKey = "mr_live_abcdefghijklmnopqrstuvwx"

    /// A mirror a test key synced: bound to TEST, with that key's answer (role ops) cached.
    func testMirror() throws -> MirrorStore {
        let mirror = try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-frame-\(UUID().uuidString).sqlite").path)
        try mirror.bind(Me(keyId: Self.testKey, clubId: "club_a", clubName: "A", environment: .test, role: .ops),
                        keyId: Self.testKey, baseURL: "http://127.0.0.1:9")
        return mirror
    }

    func runtime(_ mirror: MirrorStore, key: String) -> ConsoleRuntime {
        let client = PlatformClient(credentials: Credentials(baseURL: "http://127.0.0.1:9", keyId: key, secret: "s"))
        return ConsoleRuntime(terminal: MemoryTerminal(columns: 100, rows: 30), mirror: mirror,
                              engine: SyncEngine(client: client, mirror: mirror),
                              environmentHint: KeyID.environment(of: key))
    }

    @Test func aLiveKeyOnAMirrorLastUsedWithATestKeyIsLiveFromTheFirstFrame() throws {
        let mirror = try testMirror()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) } }
        let live = runtime(mirror, key: Self.liveKey)
        #expect(live.state.environment == .live)
        #expect(live.state.identity == nil, "the test key's identity is not lent to the live key")
        #expect(live.state.readOnlyReason == "the key's role is not known yet", "nor is its role")
        let frame = RootView.render(live.state)
        #expect(frame.lines()[0].contains("LIVE") && !frame.lines()[0].contains("TEST"))
        #expect(frame.roles(y: 0).filter { $0 == .badgeLive }.count > 50, "framed edge to edge from the first frame")

        // The test key itself still finds its own last answer.
        let test = runtime(mirror, key: Self.testKey)
        #expect(test.state.environment == .test)
        #expect(test.state.identity?.role == .ops)
        #expect(!RootView.render(test.state).roles(y: 0).contains(.badgeLive))
    }
}
