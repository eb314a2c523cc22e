import Benchmark

let benchmarks: @Sendable () -> Void = {
    let settings = BenchSettings.fromEnvironment()
    let bootstrap = BootstrapBenchmark(settings: settings)
    Benchmark(
        "Bootstrap sync --once vs the sqlite3 plain insert and a Python script",
        configuration: .init(
            metrics: SyncMetrics.all,
            tags: ["members": String(settings.members)],
            timeUnits: .seconds,
            warmupIterations: 0,
            maxDuration: .seconds(24 * 3600),
            maxIterations: settings.iterations,
            setup: { try await bootstrap.setUp() },
            teardown: { try await bootstrap.tearDown() })
    ) { benchmark in
        try await bootstrap.iterate(benchmark)
    }
}
