import Foundation
import Testing

/// Runs the real `rewards-ops sync` binary as a child process, so a test can kill it with
/// SIGKILL at any moment, as a crash or an OOM kill would.
package struct SyncProcess {
    package static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    package static func binaryPath() throws -> String {
        let path = ProcessInfo.processInfo.environment["REWARDS_OPS_BINARY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? packageRoot.appendingPathComponent(".build/debug/rewards-ops").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SyncProcessError("rewards-ops binary not found at \(path): run `swift build` first (make test does)")
        }
        return path
    }

    package let process: Process

    /// Starts `rewards-ops sync [--once]` with the connection in its environment.
    package static func start(baseURL: String, keyId: String, secret: String, mirror: String, once: Bool,
                      log: URL, retryBudget: Double = 10, extraArguments: [String] = []) throws -> SyncProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binaryPath())
        process.arguments = (once ? ["sync", "--once"] : ["sync"]) + ["--retry-budget", String(retryBudget)] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["REWARDS_OPS_BASE_URL"] = baseURL
        environment["REWARDS_OPS_KEY_ID"] = keyId
        environment["REWARDS_OPS_KEY_SECRET"] = secret
        environment["REWARDS_OPS_MIRROR"] = mirror
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        if !FileManager.default.fileExists(atPath: log.path) {
            FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return SyncProcess(process: process)
    }

    package func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the process to end by itself (bounded), returning its exit status.
    package func wait(timeoutSeconds: Double) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning {
            if Date() > deadline {
                kill9()
                throw SyncProcessError("rewards-ops sync did not finish within \(timeoutSeconds) s")
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return process.terminationStatus
    }
}

package struct SyncProcessError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// SplitMix64: a seeded generator, so a failing run can be replayed with the same kills.
package struct SeededRandom: RandomNumberGenerator {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
