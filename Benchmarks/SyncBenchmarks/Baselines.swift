import BenchmarkSupport
import Foundation

/// The two baselines of figure 1 (issue #14), measured in the same run as the sync:
/// the sqlite3 shell's plain insert of as many member-shaped rows, and a standard-library
/// Python script that signs requests and pages the four lists into memory. Their sources are
/// in Benchmarks/Baselines.
enum Baselines {
    static var directory: String { FileManager.default.currentDirectoryPath + "/Benchmarks/Baselines" }

    /// Seconds for the shell to insert `rows` rows with `plain_insert.sql` into a fresh file.
    static func plainInsert(shell: SQLiteShell, rows: Int, database: String) throws -> Double {
        DatabaseFiles.remove(database)
        let script = database + ".load.sql"
        try """
            .parameter init
            .parameter set @rows \(rows)
            .read "\(directory)/plain_insert.sql"

            """.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script) }
        let seconds = try shell.run(database, scriptFile: script).seconds
        let count = try shell.integer(database, "SELECT count(*) FROM members")
        guard count == rows else { throw BenchError.mismatch("the shell inserted \(count) rows, not \(rows)") }
        DatabaseFiles.remove(database)
        return seconds
    }

    struct ScriptRun: Decodable {
        var seconds: Double
        var rows: [String: Int]
    }

    /// The Python script paging the sandbox's lists; its own timing (interpreter start excluded).
    static func pythonScript(sandbox: SandboxProcess, python: String) throws -> ScriptRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [directory + "/page_lists.py", sandbox.baseURL, sandbox.keyId, sandbox.secret]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.shellFailed("page_lists.py failed with status \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(ScriptRun.self, from: data)
    }
}
