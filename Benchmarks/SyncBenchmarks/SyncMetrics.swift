import Benchmark

/// The figures the bootstrap benchmark reports besides the built-in ones. Metrics are
/// integers, so the ratio is in thousandths.
enum SyncMetrics {
    static let membersPerSecond = BenchmarkMetric.custom("members/s", polarity: .prefersLarger, useScalingFactor: false)
    static let shellMembersPerSecond = BenchmarkMetric.custom("sqlite3 shell members/s", polarity: .prefersLarger,
                                                              useScalingFactor: false)
    static let ratio = BenchmarkMetric.custom("ratio sync/shell ‰", polarity: .prefersLarger, useScalingFactor: false)
    static let plainShellMembersPerSecond = BenchmarkMetric.custom("sqlite3 shell, plain tables, members/s",
                                                                   polarity: .prefersLarger, useScalingFactor: false)
    static let syncPeakResidentMiB = BenchmarkMetric.custom("sync VmHWM (MiB)", polarity: .prefersSmaller,
                                                            useScalingFactor: false)

    static let all: [BenchmarkMetric] = [
        .wallClock, .cpuTotal, .peakMemoryResident,
        membersPerSecond, shellMembersPerSecond, ratio, plainShellMembersPerSecond, syncPeakResidentMiB,
    ]
}
