import Foundation

/// How a run of the sync benchmarks is configured: environment variables, defaulting to the
/// figure issue #7 asks for (a million members, one iteration).
struct BenchSettings: Sendable {
    /// Members the sandbox generates (`REWARDS_OPS_BENCH_MEMBERS`; `100000` or `100_000` for a quick run).
    var members: Int
    /// Measured bootstraps (`REWARDS_OPS_BENCH_ITERATIONS`), each into a fresh mirror.
    var iterations: Int
    /// The release `rewards-ops` whose `sandbox` subcommand serves the data (`REWARDS_OPS_BINARY`).
    var binary: String
    /// The SQLite shell the sync is compared with (`REWARDS_OPS_SQLITE3`).
    var sqlite3: String
    /// The Python of the script baseline (`REWARDS_OPS_PYTHON`).
    var python: String
    /// Seed of the sandbox's generated data, so every run syncs the same rows.
    var seed: UInt64
    /// The mirror, the shell's database and the sandbox's log.
    var directory: String
    /// Leave the mirror in `directory` after the run
    /// (`REWARDS_OPS_BENCH_KEEP=1`), to look into them; by default they are removed.
    var keepFiles: Bool

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BenchSettings {
        let root = FileManager.default.currentDirectoryPath
        func integer(_ name: String, default value: Int) -> Int {
            guard let text = environment[name], let parsed = Int(text.replacingOccurrences(of: "_", with: "")),
                  parsed > 0 else { return value }
            return parsed
        }
        return BenchSettings(
            members: integer("REWARDS_OPS_BENCH_MEMBERS", default: 1_000_000),
            iterations: integer("REWARDS_OPS_BENCH_ITERATIONS", default: 1),
            binary: environment["REWARDS_OPS_BINARY"] ?? root + "/.build-bench/release/rewards-ops",
            sqlite3: environment["REWARDS_OPS_SQLITE3"] ?? "/usr/bin/sqlite3",
            python: environment["REWARDS_OPS_PYTHON"] ?? "/usr/bin/python3",
            seed: 7,
            directory: root + "/.build-bench/sync-bench",
            keepFiles: (environment["REWARDS_OPS_BENCH_KEEP"] ?? "").isEmpty == false)
    }

    var mirrorPath: String { directory + "/mirror.sqlite" }
    var sandboxLogPath: String { directory + "/sandbox.log" }
}
