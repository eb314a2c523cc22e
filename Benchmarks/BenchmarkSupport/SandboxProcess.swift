import Foundation

/// `rewards-ops sandbox` in a child process: the platform the benchmark syncs from, on
/// 127.0.0.1 with a free port. Its generated data and its CPU stay out of the benchmark
/// process, as a real platform's would, so the benchmark's resident memory is the sync's.
final class SandboxProcess: @unchecked Sendable {
    let baseURL: String
    let keyId: String
    let secret: String
    /// From launch to the startup line: generating the members and binding the port.
    let startupSeconds: Double
    private let process: Process

    private struct StartupLine: Decodable {
        struct Key: Decodable { var id: String; var secret: String }
        struct Keys: Decodable { var ops: Key }
        var baseUrl: String
        var keys: Keys
    }

    /// Launches the sandbox and returns once it prints its startup line (it is listening then).
    init(binary: String, members: Int, seed: UInt64, logPath: String) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError.missingTool("""
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

        var line = Data()
        let reader = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = reader.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw BenchError.sandboxFailed("the sandbox exited (status \(process.terminationStatus)) before it "
                                               + "was listening: \(log.suffix(2000))")
            }
            line.append(chunk)
        }
        startupSeconds = (ContinuousClock.now - started).seconds
        let startup = try JSONDecoder().decode(StartupLine.self, from: line.prefix { $0 != UInt8(ascii: "\n") })
        baseURL = startup.baseUrl
        keyId = startup.keys.ops.id
        secret = startup.keys.ops.secret
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGTERM (the sandbox shuts down gracefully on it), then waits for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}

enum BenchError: Error, CustomStringConvertible {
    case missingTool(String)
    case sandboxFailed(String)
    case shellFailed(String)
    case mismatch(String)

    var description: String {
        switch self {
        case .missingTool(let text), .sandboxFailed(let text), .shellFailed(let text), .mismatch(let text): return text
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
