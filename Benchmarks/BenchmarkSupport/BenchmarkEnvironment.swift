import Foundation

/// Knobs a benchmark run reads from the environment, so a quick run can use a smaller club.
public enum BenchmarkEnvironment {
    /// REWARDS_OPS_BENCH_MEMBERS, default one million.
    public static var members: Int {
        ProcessInfo.processInfo.environment["REWARDS_OPS_BENCH_MEMBERS"].flatMap { Int($0) } ?? 1_000_000
    }

    /// The release binary the process benchmarks start (REWARDS_OPS_BINARY overrides).
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["REWARDS_OPS_BINARY"], !path.isEmpty { return path }
        return FileManager.default.currentDirectoryPath + "/.build-bench/release/rewards-ops"
    }
}
