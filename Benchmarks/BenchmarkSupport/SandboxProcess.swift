import Foundation

/// `rewards-ops sandbox` in a child process: the platform a benchmark syncs from, on
/// 127.0.0.1 with a free port. Its generated data and its CPU stay out of the benchmark
/// process, as a real platform's would, so the benchmark's resident memory is the sync's.
public final class SandboxProcess: @unchecked Sendable {
    public let baseURL: String
    public let keyId: String
    public let secret: String
    /// From launch to the startup line: generating the members and binding the port.
    public let startupSeconds: Double
    private let process: Process

    private struct StartupLine: Decodable {
        struct Key: Decodable { var id: String; var secret: String }
        struct Keys: Decodable { var ops: Key }
        var baseUrl: String
        var keys: Keys
    }

    /// Launches the sandbox and returns once it prints its startup line (it is listening then).
    public init(binary: String, members: Int, seed: UInt64, logPath: String) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkSetupError("""
                no rewards-ops binary at \(binary): build it first with
                  REWARDS_OPS_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product rewards-ops
                or point REWARDS_OPS_BINARY at one
                """)
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["sandbox", "--port", "0", "--members", String(members), "--seed", String(seed)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardInput = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        self.process = process

        var bytes = Data()
        let reader = output.fileHandleForReading
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = reader.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw BenchmarkSetupError("the sandbox exited (status \(process.terminationStatus)) before it "
                                          + "was listening: \(log.suffix(2000))")
            }
            bytes.append(chunk)
        }
        let startup = ContinuousClock.now - started
        startupSeconds = Double(startup.components.seconds) + Double(startup.components.attoseconds) / 1e18
        let line = try JSONDecoder().decode(StartupLine.self, from: bytes.prefix { $0 != UInt8(ascii: "\n") })
        baseURL = line.baseUrl
        keyId = line.keys.ops.id
        secret = line.keys.ops.secret
    }

    public var pid: Int32 { process.processIdentifier }

    /// SIGTERM (the sandbox shuts down gracefully on it), then waits for the exit.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
