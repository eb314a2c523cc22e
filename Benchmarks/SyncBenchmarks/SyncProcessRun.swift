import BenchmarkSupport
import Foundation

/// `rewards-ops sync --once` into a fresh mirror, as an operator runs it: the timed part of
/// figure 1 ends when the command returns, its rows committed and browsable. GNU time reports
/// the process's own peak resident set.
struct SyncProcessRun: Sendable {
    var seconds: Double
    var peakResidentBytes: Int?
    var output: String

    static func run(binary: String, sandbox: SandboxProcess, mirrorPath: String, directory: String) throws -> SyncProcessRun {
        DatabaseFiles.remove(mirrorPath)
        let process = Process()
        let timeReport = directory + "/sync.time"
        let outputPath = directory + "/sync.out"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", timeReport, binary, "sync", "--once"]
        var environment = ProcessInfo.processInfo.environment
        environment["REWARDS_OPS_BASE_URL"] = sandbox.baseURL
        environment["REWARDS_OPS_KEY_ID"] = sandbox.keyId
        environment["REWARDS_OPS_KEY_SECRET"] = sandbox.secret
        environment["REWARDS_OPS_MIRROR"] = mirrorPath
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: outputPath)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            throw BenchError.missingTool("no /usr/bin/time: install the Debian package time")
        }
        let started = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - started).seconds
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw BenchError.shellFailed("rewards-ops sync --once failed (\(process.terminationStatus)): \(output.suffix(2000))")
        }
        let kilobytes = (try? String(contentsOfFile: timeReport, encoding: .utf8))?
            .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return SyncProcessRun(seconds: seconds, peakResidentBytes: kilobytes.map { $0 * 1024 }, output: output)
    }
}
