// swift-tools-version:6.1
import PackageDescription
import class Foundation.ProcessInfo

// One module per layer; imports only point down this list:
// RewardsContract <- RewardsClient, Mirror <- SyncEngine <- Console <- rewards-ops
// Terminal (the only ncurses user) <- Theme (TOML themes resolved to terminal styles) and Console;
// Sandbox depends on RewardsContract alone; SandboxTraffic (the club systems that call it) on
// Sandbox and AsyncHTTPClient.
let package = Package(
    name: "rewards-ops",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rewards-ops", targets: ["rewards-ops"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW",
            path: "Sources/CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "RewardsContract",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "RewardsClient",
            dependencies: [
                "RewardsContract",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Mirror",
            dependencies: ["RewardsContract", .product(name: "GRDB", package: "GRDB.swift"),
                           // The C API, for the bootstrap's bulk inserts (Mirror/BulkRowBinding.swift).
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "SyncEngine",
            dependencies: ["RewardsContract", "RewardsClient", "Mirror", .product(name: "Logging", package: "swift-log")]
        ),
        // The one function that makes server text safe to show (Inert): dependency-free, so the
        // terminal layer, the plain commands and the log handlers all use the same rules.
        .target(name: "InertText"),
        .target(
            name: "Terminal",
            dependencies: ["CNCursesW", "InertText"]
        ),
        // What TOMLKit cannot be given: it aborts on a table header with no name (`[`, `[[[`).
        .target(name: "TOMLHeaderCheck"),
        .target(
            name: "Settings",
            dependencies: ["TOMLHeaderCheck", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "Diagnostics",
            dependencies: ["RewardsContract", "RewardsClient", "Mirror", "Settings",
                           .product(name: "NIOHTTP1", package: "swift-nio")]
        ),
        .target(
            name: "Theme",
            dependencies: ["Terminal", "TOMLHeaderCheck", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "Console",
            dependencies: ["RewardsContract", "Mirror", "SyncEngine", "Terminal"]
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "RewardsContract",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SandboxTraffic",
            dependencies: [
                "Sandbox", "RewardsContract",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "rewards-ops",
            dependencies: [
                "RewardsContract", "RewardsClient", "Mirror", "SyncEngine", "Terminal", "Theme", "Settings", "Diagnostics", "Console", "Sandbox",
                "SandboxTraffic", "InertText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // A release build is one self-contained binary, and a lighter one to run: the Swift
            // libraries linked in (no relocation tables of whole shared libraries to page in),
            // relative relocations packed (DT_RELR) and no export table for the app's own
            // symbols. Together they take 6 MB off the console's resident memory
            // (docs/performance.md, figure 6). lld and the static libraries ship with the toolchain.
            linkerSettings: [
                // A dynamic Foundation names its own libraries (ICU and the rest); the static one
                // needs them listed.
                .unsafeFlags(["-static-stdlib", "-use-ld=lld",
                              "-lFoundationInternationalization", "-l_FoundationICU", "-l_FoundationCShims",
                              "-l_FoundationCollections", "-lCoreFoundation", "-lstdc++",
                              "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                              "-Xlinker", "--no-export-dynamic"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .testTarget(name: "RewardsContractTests", dependencies: ["RewardsContract"]),
        .testTarget(name: "InertTextTests", dependencies: ["InertText"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        // The shipped themes are checked against the console's own roles (ConsoleStyles).
        .testTarget(name: "ThemeTests", dependencies: ["Theme", "Terminal", "Console"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "TOMLHeaderCheck"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "Sandbox", "RewardsClient", "Mirror", "Settings"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "SandboxTraffic", "RewardsContract",
                                                        .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        // Shared by the test targets: a sandbox with a mirror and a sync engine, the real binary as
        // a child process, a mirror of request logs. Its declarations are `package`, not public.
        .target(name: "TestSupport", dependencies: ["Sandbox", "RewardsClient", "Mirror", "SyncEngine", "RewardsContract",
                                                   .product(name: "NIOCore", package: "swift-nio"),
                                                   .product(name: "NIOPosix", package: "swift-nio"),
                                                   .product(name: "NIOHTTP1", package: "swift-nio")],
                path: "Tests/TestSupport"),
        .testTarget(name: "RewardsClientTests",
                    dependencies: ["RewardsClient", "RewardsContract", "Mirror", "SyncEngine", "Sandbox", "TestSupport"]),
        .testTarget(name: "MirrorTests", dependencies: ["Mirror", "RewardsContract", "SyncEngine", "Sandbox", "TestSupport",
                                                       .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SyncEngineTests",
                    dependencies: ["Sandbox", "RewardsClient", "Mirror", "SyncEngine", "RewardsContract", "TestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Terminal", "Mirror", "RewardsContract", "TestSupport",
                                                        "SyncEngine", "RewardsClient"]),
        .testTarget(name: "EndToEndTests", dependencies: ["RewardsContract", "TestSupport"]),
        // The real binary against a server that breaks the contract on purpose (issue #16).
        .testTarget(name: "WireTrustTests", dependencies: ["Mirror", "RewardsContract", "TestSupport"]),
        // The headless commands: the real binary as a child process against a sandbox, and the
        // executable's output helpers unit by unit.
        .testTarget(name: "HeadlessTests", dependencies: ["rewards-ops", "Sandbox", "Mirror", "SyncEngine", "RewardsClient", "RewardsContract", "Terminal", "TestSupport",
                                                            .product(name: "NIOHTTP1", package: "swift-nio")]),
    ],
    swiftLanguageModes: [.v6]
)

// The benchmarks (`make bench`) join only when asked for, so `make test` neither fetches nor
// builds ordo-one/benchmark. They build in release into their own scratch folder, .build-bench.
if ProcessInfo.processInfo.environment["REWARDS_OPS_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets += [
        .target(
            name: "BenchmarkSupport",
            dependencies: ["RewardsContract", "Mirror", "Sandbox", "Terminal", "Console", "SyncEngine", "RewardsClient"],
            path: "Benchmarks/BenchmarkSupport"
        ),
        .executableTarget(
            name: "SyncBenchmarks",
            dependencies: ["BenchmarkSupport", "RewardsContract", "RewardsClient", "Mirror", "SyncEngine", "Sandbox",
                           .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/SyncBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ConsoleBenchmarks",
            dependencies: ["BenchmarkSupport", "RewardsContract", "Mirror", "SyncEngine", "Console", "Terminal", "Sandbox",
                           .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ConsoleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
}
