import Foundation

/// The `sqlite3` command-line shell, run as a child process on one database.
struct SQLiteShell: Sendable {
    let executable: String

    init(executable: String) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError.missingTool("no sqlite3 shell at \(executable): install the Debian package sqlite3 "
                                         + "(or point REWARDS_OPS_SQLITE3 at one)")
        }
        self.executable = executable
    }

    /// Runs the script on `database` (stopping at the first error) and returns its standard output.
    @discardableResult
    func run(_ database: String, script: String) throws -> String {
        let scriptPath = database + ".script.sql"
        try (".bail on\n" + script).write(toFile: scriptPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        return try run(database, scriptFile: scriptPath).output
    }

    /// Runs a script file on `database` with the file as standard input, and times the shell's
    /// run alone: from launch to exit, its database closed (and its WAL checkpointed) behind it.
    func run(_ database: String, scriptFile: String) throws -> (output: String, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-batch", "-bail", database]
        guard let input = FileHandle(forReadingAtPath: scriptFile) else {
            throw BenchError.shellFailed("cannot read \(scriptFile)")
        }
        defer { try? input.close() }
        process.standardInput = input
        // Files rather than pipes: nothing has to drain them while the shell runs.
        let outputPath = database + ".out", errorPath = database + ".err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        let started = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let seconds = (ContinuousClock.now - started).seconds
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, errors.isEmpty else {
            throw BenchError.shellFailed("sqlite3 \(database) < \(scriptFile) failed (status "
                                         + "\(process.terminationStatus)): \(errors.prefix(2000))")
        }
        return (output, seconds)
    }

    /// One integer from a query (a count).
    func integer(_ database: String, _ sql: String) throws -> Int {
        let text = try run(database, script: sql + ";\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Int(text) else { throw BenchError.shellFailed("\(sql) gave \(text)") }
        return value
    }
}
