import Benchmark
import BenchmarkSupport
import Console
import Foundation
import Mirror
import RewardsClient
import Sandbox
import SyncEngine
import Terminal

/// A change made on the sandbox (a member created through its integration endpoint) to the
/// moment the console shows it: the feed's long-poll answers, the mirror applies, the inbox
/// wakes the UI loop, the pane reloads, the frame is drawn. Goal: 500 ms.
final class FeedRig: @unchecked Sendable {
    let server: SandboxServer
    let driver: ConsoleDriver
    let terminal: MemoryTerminal
    let integration: PlatformClient
    let sync: Task<Void, Never>
    var iteration = 0

    /// Call from a thread of its own (the benchmark's), never from the cooperative pool.
    init() throws {
        let server = try blocking { try await SandboxServer.start(SandboxOptions(port: 0, members: 2_000, seed: 11)) }
        self.server = server
        let path = NSTemporaryDirectory() + "rewards-ops-feed-bench-\(getpid()).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let mirror = try MirrorStore(path: path)
        let ops = server.keys.ops
        let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: ops.id, secret: ops.secret))
        let engine = SyncEngine(client: client, mirror: mirror)
        guard let key = server.keys.integration else { throw BenchmarkSetupError("the sandbox has no integration key") }
        integration = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret))
        terminal = MemoryTerminal(columns: Screen.columns, rows: Screen.rows)
        driver = try ConsoleDriver(mirror: mirror, terminal: terminal, engine: engine)
        let inbox = driver.runtime.inbox
        sync = Task.detached { await engine.run(events: { inbox.post(.sync($0)) }) }
        try driver.waitUntil(timeoutSeconds: 60) {
            if case .live = $0.sync { return true }
            return false
        }
        try driver.press(.char("1"))
    }

    nonisolated(unsafe) static var shared: FeedRig?

    static func make() throws -> FeedRig {
        if let shared { return shared }
        let rig = try FeedRig()
        shared = rig
        return rig
    }
}

func registerFeedToScreenBenchmark() {
    Benchmark("sandbox change to screen (long-poll)",
              configuration: .init(metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 2,
                                   maxDuration: .seconds(60), maxIterations: 50)) { benchmark in
        let rig = try FeedRig.make()
        rig.iteration += 1
        // A marker no member has: the filter shows nothing until the new member arrives.
        let marker = "zq\(rig.iteration)x\(getpid())"
        try rig.driver.press([.char("/"), .escape, .char("/")] + marker.map { Key.char($0) } + [.enter])
        let body = Data(#"{"externalRef":"bench-\#(marker)","name":"Bench \#(marker)","email":"\#(marker)@bench.example"}"#.utf8)
        let integration = rig.integration
        // A busy feed refreshes the screen at most twice a tick (250 ms), so a change that
        // follows another within the same tick waits for it. Spacing the changes a tick apart
        // measures the path itself; the busy case is bounded by the tick.
        rig.driver.idle(seconds: 0.3)
        benchmark.startMeasurement()
        _ = try blocking {
            try await integration.send(method: .POST, pathAndQuery: "/v1/members", body: body, idempotencyKey: "bench-\(marker)")
        }
        // The filter line shows the marker too; only the new member's row says "Bench".
        do {
            try rig.driver.waitUntil(timeoutSeconds: 10) { _ in
                rig.terminal.presented?.text().contains("Bench \(marker)") ?? false
            }
        } catch {
            throw BenchmarkSetupError("\(error); the screen:\n\(rig.terminal.presented?.text() ?? "")")
        }
        benchmark.stopMeasurement()
    }
}

