import Benchmark
import BenchmarkSupport
import Foundation

/// Figures of the whole `rewards-ops console` process: cold start to first frame, and peak
/// resident memory after a tour of every pane, at 1,000 and at a million members.
func registerProcessBenchmarks() {
    let firstPaint = BenchmarkMetric.custom("first frame (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    let firstRows = BenchmarkMetric.custom("first rows (µs)", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark("cold start to first frame",
              configuration: .init(metrics: [firstPaint, firstRows], warmupIterations: 1, maxDuration: .seconds(30),
                                   maxIterations: 20)) { benchmark in
        let mirror = try MirrorFixture.path(members: BenchmarkEnvironment.members)
        let console = try ConsoleProcess(binary: BenchmarkEnvironment.binary, mirror: mirror)
        defer { console.quit() }
        // The tab bar is in the very first frame; a review id only once the queue's rows are in.
        guard let painted = console.waitFor("Members"), let rows = console.waitFor("rev_0") else {
            throw BenchmarkSetupError("no first frame; the console printed: \(console.terminal.capturedText.suffix(400))")
        }
        benchmark.measurement(firstPaint, Int(painted / .microseconds(1)))
        benchmark.measurement(firstRows, Int(rows / .microseconds(1)))
    }

    let peak = BenchmarkMetric.custom("peak RSS (KiB)", polarity: .prefersSmaller, useScalingFactor: false)
    for members in Set([1_000, BenchmarkEnvironment.members]).sorted() {
        Benchmark("console peak RSS at \(members) members",
                  configuration: .init(metrics: [peak], warmupIterations: 0, maxDuration: .seconds(60),
                                       maxIterations: 3)) { benchmark in
            let mirror = try MirrorFixture.path(members: members)
            let console = try ConsoleProcess(binary: BenchmarkEnvironment.binary, mirror: mirror)
            defer { console.quit() }
            guard console.waitFor("rev_0") != nil else { throw BenchmarkSetupError("the console showed no rows") }
            // A tour that touches every pane, both ends of the members and a search.
            let tour = ["1", "G", "g"] + Array(repeating: "\u{1b}[6~", count: 30)
                + ["/", "l", "u", "c", "í", "a", "\u{1b}", "2", "s", "3", "G", "4", "\r", "\u{1b}", "1", "\r", "\u{1b}"]
            for key in tour {
                console.type(key)
                usleep(60_000)
            }
            guard let bytes = ProcessMemory.peakResidentBytes(pid: console.pid) else {
                throw BenchmarkSetupError("no /proc entry for the console")
            }
            benchmark.measurement(peak, bytes / 1024)
        }
    }
}
