import Benchmark
import BenchmarkSupport

/// Issue #7's console figures at a million members (REWARDS_OPS_BENCH_MEMBERS for fewer):
/// keystroke to finished frame on the in-memory screen and on ncurses in a pty, bytes per
/// step, cold start, and the console's peak resident memory.
let benchmarks: @Sendable () -> Void = {
    registerKeystrokeBenchmarks()
    registerTerminalBytesBenchmarks()
    registerProcessBenchmarks()
    registerFeedToScreenBenchmark()
}
