import Benchmark

/// The figures the bootstrap benchmark reports besides the built-in ones. Metrics are
/// integers, so the ratios are in thousandths.
enum SyncMetrics {
    static func custom(_ name: String, larger: Bool = true) -> BenchmarkMetric {
        .custom(name, polarity: larger ? .prefersLarger : .prefersSmaller, useScalingFactor: false)
    }

    static let membersPerSecond = custom("sync --once members/s")
    static let shellMembersPerSecond = custom("sqlite3 plain insert rows/s")
    static let shellRatio = custom("ratio sync/plain insert ‰ (goal ≥ 300)")
    static let scriptMembersPerSecond = custom("python script members/s")
    static let scriptRatio = custom("ratio sync/python ‰ (goal ≥ 1500)")
    static let indexMembersPerSecond = custom("search index build members/s")
    static let logIndexLogsPerSecond = custom("request log index build logs/s")
    static let syncPeakResidentMiB = custom("sync peak RSS (MiB)", larger: false)

    static let all: [BenchmarkMetric] = [
        .wallClock, membersPerSecond, shellMembersPerSecond, shellRatio, scriptMembersPerSecond, scriptRatio,
        indexMembersPerSecond, logIndexLogsPerSecond, syncPeakResidentMiB,
    ]
}
