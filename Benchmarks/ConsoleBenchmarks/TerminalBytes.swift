import Benchmark
import BenchmarkSupport
import Terminal

/// Bytes curses writes to the terminal for one step and for one page: what a slow SSH link
/// has to carry. Goal: at most 300 bytes per j/k step.
func registerTerminalBytesBenchmarks() {
    let bytesMetric = BenchmarkMetric.custom("bytes", polarity: .prefersSmaller, useScalingFactor: false)
    let cases: [(name: String, keys: @Sendable (Int) -> Key)] = [
        ("j/k step", { index in (index / 30) % 2 == 0 ? .char("j") : .char("k") }),
        ("page down", { _ in .pageDown }),
    ]
    for (name, key) in cases {
        Benchmark("bytes to the terminal per \(name)",
                  configuration: .init(metrics: [bytesMetric], warmupIterations: 5, maxDuration: .seconds(20),
                                       maxIterations: 300, setup: { try bench(onPty: true).reset() })) { benchmark in
            let bench = try bench(onPty: true)
            guard let pty = bench.terminal else { return }
            pty.waitUntilDrained()
            let before = pty.bytesReceived
            try bench.driver.press(key(bench.nextIndex("bytes \(name)")))
            pty.waitUntilDrained()
            benchmark.measurement(bytesMetric, pty.bytesReceived - before)
        }
    }
}
