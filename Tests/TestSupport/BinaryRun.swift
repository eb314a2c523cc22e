import Foundation

/// One run of the real `rewards-ops` binary to its end: its exit status, what it wrote on
/// standard output and standard error (kept apart), and how long it took.
package struct BinaryRun: Sendable {
    package var status: Int32
    package var stdout: Data
    package var stderr: Data
    package var seconds: Double

    package var output: String { String(decoding: stdout, as: UTF8.self) }
    package var errors: String { String(decoding: stderr, as: UTF8.self) }

    /// Runs `arguments` with `environment` added to a clean one (PATH, HOME, LANG), killing
    /// the process if it outlives `timeoutSeconds` (then `status` is -9).
    package static func run(_ arguments: [String], environment: [String: String], timeoutSeconds: Double) async throws
        -> BinaryRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try SyncProcess.binaryPath())
        process.arguments = arguments
        var base = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": directory.path,
                    "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
                    "XDG_DATA_HOME": directory.appendingPathComponent("data").path]
        base.merge(environment) { $1 }
        process.environment = base
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let start = ContinuousClock.now
        try process.run()
        let deadline = start.advanced(by: .milliseconds(Int64(timeoutSeconds * 1000)))
        var killed = false
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                process.waitUntilExit()
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let elapsed = ContinuousClock.now - start
        return BinaryRun(status: killed ? -9 : process.terminationStatus,
                         stdout: (try? Data(contentsOf: out)) ?? Data(), stderr: (try? Data(contentsOf: err)) ?? Data(),
                         seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Bytes a server must never get onto a terminal through us: ESC, BEL, C1 controls and the
/// bidi controls (with U+2028/2029), as UTF-8.
package enum TerminalHazards {
    /// The first hazard in `data` and where it is, or nil.
    package static func first(in data: Data) -> (offset: Int, what: String)? {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B { return (index, "ESC") }
            if byte == 0x07 { return (index, "BEL") }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return (index, String(format: "C1 U+%04X", Int(bytes[index + 1])))
            }
            if byte == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return (index, "U+061C") }
            if byte == 0xE2, index + 2 < bytes.count {
                let second = bytes[index + 1], third = bytes[index + 2]
                let hazard = (second == 0x80 && ([0x8E, 0x8F, 0xA8, 0xA9].contains(third) || (0xAA...0xAE).contains(third)))
                    || (second == 0x81 && (0xA6...0xA9).contains(third))
                if hazard { return (index, String(format: "bidi E2 %02X %02X", Int(second), Int(third))) }
            }
            index += 1
        }
        return nil
    }
}
