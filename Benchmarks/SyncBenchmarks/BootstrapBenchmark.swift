import Benchmark
import BenchmarkSupport
import Foundation

/// Issue #7, benchmark 1: a bootstrap sync of a million members from the sandbox over
/// loopback HTTP (members/s, peak RSS), beside the same rows loaded by the sqlite3 shell in
/// one transaction, and the ratio of the two (goal: at least 0.3).
///
/// Setup (not measured) starts `rewards-ops sandbox` in a child process and waits while it
/// generates the members. Each iteration then measures one full `SyncEngine.syncOnce()` into
/// a fresh mirror; after the measured part it dumps the rows the sync wrote, times the shell
/// loading them, and reports both rates and their ratio as custom metrics. The sandbox being
/// another process, this process's peak RSS (`.peakMemoryResident`, and the VmHWM reset just
/// before the sync) is the sync's own: an in-process sandbox would add its in-memory database
/// to it (about 2 GB at a million members) and compete for the same cores.
///
/// Both rates count members over the time to load every list the bootstrap reads (members,
/// redemptions, reviews, request logs), the sync's and the shell's alike.
///
/// Environment: REWARDS_OPS_BENCH_MEMBERS (default 1,000,000), REWARDS_OPS_BENCH_ITERATIONS
/// (default 1), REWARDS_OPS_BINARY (default .build-bench/release/rewards-ops, which must be built
/// first), REWARDS_OPS_SQLITE3 (default /usr/bin/sqlite3), REWARDS_OPS_BENCH_KEEP=1 to leave the
/// files in .build-bench/sync-bench.
final class BootstrapBenchmark: @unchecked Sendable {
    // The runner calls setUp, the iterations and tearDown one after another, never together.
    let settings: BenchSettings
    private var sandbox: SandboxProcess?
    private var comparison: ShellComparison?

    init(settings: BenchSettings) {
        self.settings = settings
    }

    func setUp() async throws {
        try FileManager.default.createDirectory(atPath: settings.directory, withIntermediateDirectories: true)
        comparison = ShellComparison(shell: try SQLiteShell(executable: settings.sqlite3), directory: settings.directory)
        StaleBinaryCheck.warnIfStale(binary: settings.binary)
        sandbox = try SandboxProcess(binary: settings.binary, members: settings.members, seed: settings.seed,
                                     logPath: settings.sandboxLogPath)
    }

    func tearDown() async throws {
        sandbox?.stop()
        sandbox = nil
        if settings.keepFiles { return }
        comparison?.clean(databases: [shellDatabase, plainShellDatabase, settings.mirrorPath])
    }

    private var shellDatabase: String { settings.directory + "/shell.sqlite" }
    private var plainShellDatabase: String { settings.directory + "/shell-plain.sqlite" }

    func iterate(_ benchmark: Benchmark) async throws {
        guard let sandbox, let comparison else { throw BenchError.sandboxFailed("the setup did not finish") }
        let run = try BootstrapRun.prepare(sandbox: sandbox, mirrorPath: settings.mirrorPath)
        let residentBefore = ProcessMemory.residentBytes()
        let peakWasReset = PeakResidentReset.reset()

        benchmark.startMeasurement()
        let started = ContinuousClock.now
        _ = try await run.sync()
        let syncSeconds = (ContinuousClock.now - started).seconds
        benchmark.stopMeasurement()

        let syncPeak = peakWasReset ? ProcessMemory.peakResidentBytes() : nil
        let synced = try run.rowCounts()
        guard synced["members"] == settings.members else {
            throw BenchError.mismatch("the mirror has \(synced["members"] ?? 0) members, the sandbox \(settings.members)")
        }

        try comparison.dump(mirrorPath: settings.mirrorPath)
        let shell = try comparison.load(into: shellDatabase, schemaFile: comparison.schemaFile)
        let plain = try comparison.load(into: plainShellDatabase, schemaFile: comparison.plainSchemaFile)
        for load in [shell, plain] where load.rows != synced {
            throw BenchError.mismatch("the shell loaded \(load.rows), the sync wrote \(synced)")
        }

        let figures = BootstrapFigures(
            members: settings.members, otherRows: synced, sandboxStartupSeconds: sandbox.startupSeconds,
            sandboxPeakBytes: ProcessMemory.peakResidentBytes(pid: sandbox.pid), syncSeconds: syncSeconds,
            residentBeforeBytes: residentBefore, syncPeakBytes: syncPeak, shellSeconds: shell.seconds,
            plainShellSeconds: plain.seconds)
        benchmark.measurement(SyncMetrics.membersPerSecond, Int(figures.membersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.shellMembersPerSecond, Int(figures.shellMembersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.ratio, Int((figures.ratio * 1000).rounded()))
        benchmark.measurement(SyncMetrics.plainShellMembersPerSecond, Int(figures.plainShellMembersPerSecond.rounded()))
        if let syncPeak { benchmark.measurement(SyncMetrics.syncPeakResidentMiB, syncPeak >> 20) }
        print("\n" + figures.summary + "\n")
    }
}
