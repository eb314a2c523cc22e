import Benchmark
import BenchmarkSupport

/// Issue #7's console figures at a million members (REWARDS_OPS_BENCH_MEMBERS for fewer):
/// keystroke to finished frame on the in-memory screen and on ncurses in a pty, bytes per
/// step, cold start, the console's peak resident memory; and issue #14's first review row on
/// screen from an empty mirror at 300,000 and a million members.
let benchmarks: @Sendable () -> Void = {
    registerKeystrokeBenchmarks()
    registerTerminalBytesBenchmarks()
    registerProcessBenchmarks()
    registerFeedToScreenBenchmark()
    registerFirstReviewRowBenchmarks()
}
