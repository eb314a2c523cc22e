import Benchmark
import BenchmarkSupport
import Foundation

/// Figure 7 (issue #14): a first start on a tenant of real size. `rewards-ops console` (the
/// release binary, in a pty) on an empty mirror against `rewards-ops sandbox` in a child
/// process, timed from its spawn to the first output holding a review id: the key checked
/// (`/v1/me`), the feed head read, the review queue's first page fetched, committed and drawn,
/// while the rest of the bootstrap goes on. Goal: 1 s, at 300,000 and at 1,000,000 members.
///
/// Setup (not measured) starts the sandbox once per size and waits while it generates the
/// members; each iteration is a new console on a new, empty mirror.
final class FirstReviewRowRig: @unchecked Sendable {
    // The runner calls setUp, the iterations and tearDown one after another, never together.
    let members: Int
    private var sandbox: SandboxProcess?
    private var iteration = 0
    let directory: String

    init(members: Int) {
        self.members = members
        directory = NSTemporaryDirectory() + "rewards-ops-first-row-\(getpid())-\(members)"
    }

    func setUp() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        sandbox = try SandboxProcess(binary: BenchmarkEnvironment.binary, members: members, seed: 7,
                                     logPath: directory + "/sandbox.log")
    }

    func tearDown() {
        sandbox?.stop()
        sandbox = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Milliseconds from the console's spawn to its first review row on screen.
    func firstReviewRow() throws -> Int {
        guard let sandbox else { throw BenchmarkSetupError("the sandbox did not start") }
        iteration += 1
        let mirror = directory + "/mirror-\(iteration).sqlite"
        let console = try ConsoleProcess(binary: BenchmarkEnvironment.binary, mirror: mirror, platform: sandbox)
        defer {
            console.quit()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror + suffix) }
        }
        guard let shown = console.waitFor("rev_", timeoutSeconds: 120) else {
            throw BenchmarkSetupError("no review row within 120 s; the console printed: \(console.terminal.capturedText.suffix(600))")
        }
        return Int(shown / .milliseconds(1))
    }
}

func registerFirstReviewRowBenchmarks() {
    let metric = BenchmarkMetric.custom("first review row (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    for members in Set([300_000, BenchmarkEnvironment.members]).sorted() {
        let rig = FirstReviewRowRig(members: members)
        Benchmark("empty mirror to first review row at \(members) members",
                  configuration: .init(metrics: [metric], warmupIterations: 1, maxDuration: .seconds(300),
                                       maxIterations: 10, setup: { try rig.setUp() }, teardown: { rig.tearDown() })) { benchmark in
            benchmark.measurement(metric, try rig.firstReviewRow())
        }
    }
}
