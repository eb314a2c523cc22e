import Foundation
import Mirror
import RewardsClient
import SyncEngine

/// One first sync as `rewards-ops sync --once` does it: the real `PlatformClient` over HTTP,
/// the real `SyncEngine`, a fresh mirror file. `prepare` is the unmeasured part; `sync` is what
/// the benchmark times.
struct BootstrapRun: Sendable {
    let mirror: MirrorStore
    let engine: SyncEngine

    /// Removes the mirror file (and its -wal and -shm) and opens a new one, migrated.
    static func prepare(sandbox: SandboxProcess, mirrorPath: String) throws -> BootstrapRun {
        DatabaseFiles.remove(mirrorPath)
        let mirror = try MirrorStore(path: mirrorPath)
        let client = PlatformClient(credentials: Credentials(baseURL: sandbox.baseURL, keyId: sandbox.keyId,
                                                             secret: sandbox.secret),
                                    recorder: MirrorFailureRecorder(mirror: mirror))
        return BootstrapRun(mirror: mirror, engine: SyncEngine(client: client, mirror: mirror))
    }

    /// Bootstrap, then the feed to its end: the rows and changes applied.
    func sync() async throws -> Int {
        try await engine.syncOnce()
    }

    /// Rows per list after the sync, keyed by table (members, redemptions, reviews, request_logs).
    func rowCounts() throws -> [String: Int] {
        let tables = ["member": "members", "redemption": "redemptions", "review": "reviews", "request_log": "request_logs"]
        var counts: [String: Int] = [:]
        for (kind, count) in try mirror.rowCounts() { counts[tables[kind] ?? kind] = count }
        return counts
    }
}
