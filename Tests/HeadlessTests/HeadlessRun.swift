import Foundation
import RewardsContract
import Sandbox
import TestSupport

/// The real `rewards-ops` binary run once as a child process, with a connection and a
/// mirror in its environment and no user config, its output captured and its time bounded.
struct HeadlessRun {
    var status: Int32
    var stdout: Data
    var stderr: String

    var text: String { String(decoding: stdout, as: UTF8.self) }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: stdout) }
}

/// A sandbox and the files one test's commands share: the mirror and an empty config folder.
struct HeadlessFixture {
    let server: SandboxServer
    let directory: URL
    var key: SandboxKey

    static func start(members: Int = 240, seed: UInt64 = 31, environment: RewardsContract.Environment = .test)
        async throws -> HeadlessFixture {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: members, seed: seed, environment: environment))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-headless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("config"), withIntermediateDirectories: true)
        return HeadlessFixture(server: server, directory: directory, key: server.keys.ops)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var mirrorPath: String { directory.appendingPathComponent("mirror.sqlite").path }

    /// Runs `rewards-ops arguments…`; kills it and fails after `timeout` seconds.
    func run(_ arguments: [String], key: SandboxKey? = nil, environment extra: [String: String] = [:],
             timeout: Double = 90) async throws -> HeadlessRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try SyncProcess.binaryPath())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        let key = key ?? self.key
        environment["REWARDS_OPS_BASE_URL"] = server.baseURL
        environment["REWARDS_OPS_KEY_ID"] = key.id
        environment["REWARDS_OPS_KEY_SECRET"] = key.secret
        environment["REWARDS_OPS_MIRROR"] = mirrorPath
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["LANG"] = "C.UTF-8"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = directory.appendingPathComponent("out-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw SyncProcessError("rewards-ops \(arguments.joined(separator: " ")) ran for more than \(timeout) s")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return HeadlessRun(status: process.terminationStatus, stdout: try Data(contentsOf: out),
                           stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// `--json` of a list command.
struct ListDocument<Object: Decodable>: Decodable {
    var data: [Object]
    var hasMore: Bool
}
