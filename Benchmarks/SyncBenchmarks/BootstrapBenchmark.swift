import Benchmark
import BenchmarkSupport
import Foundation
import Mirror

/// Figure 1 (issues #7 and #14): a bootstrap of the sandbox's club over loopback HTTP by
/// `rewards-ops sync --once` into an empty mirror, timed until the command returns (every
/// row committed and browsable), beside two baselines measured in the same run: the sqlite3
/// shell's plain insert of as many member-shaped rows (goal: the sync at ≥ 0.3 of its rate) and
/// a standard-library Python script that signs requests and pages the four lists into memory
/// (goal: ≥ 1.5 × its rate). The two search indexes (members', request logs'), which `sync
/// --once` leaves to the next run, are then built and timed as figures of their own.
///
/// Setup (not measured) starts `rewards-ops sandbox` in a child process, waits while it
/// generates the members, and reads every list once with the script (the sandbox's first
/// reading of a list is slower than the next ones). The sync runs in a child process too, under GNU time, which gives
/// its own peak RSS (goal: under 60 MB at a million members).
///
/// Every rate counts members over the time to read every list (members, redemptions, reviews,
/// request logs), except the shell's, which inserts members only.
///
/// Environment: REWARDS_OPS_BENCH_MEMBERS (default 1,000,000), REWARDS_OPS_BENCH_ITERATIONS
/// (default 1), REWARDS_OPS_BINARY (default .build-bench/release/rewards-ops, which must be built
/// first), REWARDS_OPS_SQLITE3 (default /usr/bin/sqlite3), REWARDS_OPS_PYTHON (default
/// /usr/bin/python3), REWARDS_OPS_BENCH_KEEP=1 to leave the mirror in .build-bench/sync-bench.
final class BootstrapBenchmark: @unchecked Sendable {
    // The runner calls setUp, the iterations and tearDown one after another, never together.
    let settings: BenchSettings
    private var sandbox: SandboxProcess?
    private var shell: SQLiteShell?

    init(settings: BenchSettings) {
        self.settings = settings
    }

    func setUp() async throws {
        try FileManager.default.createDirectory(atPath: settings.directory, withIntermediateDirectories: true)
        shell = try SQLiteShell(executable: settings.sqlite3)
        StaleBinaryCheck.warnIfStale(binary: settings.binary)
        let started = try SandboxProcess(binary: settings.binary, members: settings.members, seed: settings.seed,
                                         logPath: settings.sandboxLogPath)
        sandbox = started
        // The sandbox answers its first reading of each list more slowly than the next ones (at a
        // million members the first sync took 11.4 s, the next ones about 8 s): one untimed pass
        // of the script reads every list first, so that neither side pays for it.
        _ = try Baselines.pythonScript(sandbox: started, python: settings.python)
    }

    func tearDown() async throws {
        sandbox?.stop()
        sandbox = nil
        if settings.keepFiles { return }
        DatabaseFiles.remove(settings.mirrorPath)
    }

    func iterate(_ benchmark: Benchmark) async throws {
        guard let sandbox, let shell else { throw BenchError.sandboxFailed("the setup did not finish") }

        benchmark.startMeasurement()
        let sync = try SyncProcessRun.run(binary: settings.binary, sandbox: sandbox, mirrorPath: settings.mirrorPath,
                                          directory: settings.directory)
        benchmark.stopMeasurement()

        let mirror = try MirrorStore(path: settings.mirrorPath)
        let synced = try mirror.rowCounts()
        guard synced["member"] == settings.members else {
            throw BenchError.mismatch("the mirror has \(synced["member"] ?? 0) members, the sandbox \(settings.members)")
        }
        let indexStarted = ContinuousClock.now
        try mirror.buildSearchIndex()
        let indexSeconds = (ContinuousClock.now - indexStarted).seconds
        let logIndexStarted = ContinuousClock.now
        try mirror.buildRequestLogIndex()
        let logIndexSeconds = (ContinuousClock.now - logIndexStarted).seconds

        let shellSeconds = try Baselines.plainInsert(shell: shell, rows: settings.members,
                                                     database: settings.directory + "/plain.sqlite")
        let script = try Baselines.pythonScript(sandbox: sandbox, python: settings.python)
        guard script.rows["members"] == settings.members else {
            throw BenchError.mismatch("the script read \(script.rows["members"] ?? 0) members")
        }

        let figures = BootstrapFigures(
            members: settings.members, otherRows: synced, sandboxStartupSeconds: sandbox.startupSeconds,
            syncSeconds: sync.seconds, syncPeakBytes: sync.peakResidentBytes, shellSeconds: shellSeconds,
            scriptSeconds: script.seconds, indexSeconds: indexSeconds, logIndexSeconds: logIndexSeconds)
        benchmark.measurement(SyncMetrics.membersPerSecond, Int(figures.membersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.shellMembersPerSecond, Int(figures.shellMembersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.shellRatio, Int((figures.shellRatio * 1000).rounded()))
        benchmark.measurement(SyncMetrics.scriptMembersPerSecond, Int(figures.scriptMembersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.scriptRatio, Int((figures.scriptRatio * 1000).rounded()))
        benchmark.measurement(SyncMetrics.indexMembersPerSecond, Int(figures.indexMembersPerSecond.rounded()))
        benchmark.measurement(SyncMetrics.logIndexLogsPerSecond, Int(figures.logIndexLogsPerSecond.rounded()))
        if let peak = sync.peakResidentBytes { benchmark.measurement(SyncMetrics.syncPeakResidentMiB, peak >> 20) }
        print("\n" + figures.summary + "\n")
    }
}
