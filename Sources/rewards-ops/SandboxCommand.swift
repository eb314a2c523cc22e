import ArgumentParser
import Foundation
import RewardsContract
import Sandbox

struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the platform sandbox on 127.0.0.1 (prints one JSON line with its URL and keys).")

    @Option(help: "TCP port; 0 picks a free one.") var port: Int = 0
    @Option(help: "How many members to generate.") var members: Int = 200
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 1
    @Option(name: .customLong("env"), help: "The server's environment: test or live.") var environment: String = "test"
    @Option(help: "SQLite file to keep the sandbox's state in (memory when absent).") var state: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535, not \(port)") }
        guard members >= 0 else { throw ValidationError("--members must be 0 or more, not \(members)") }
        guard ["test", "live"].contains(environment) else {
            throw ValidationError("--env must be test or live, not \(environment)")
        }
    }

    func run() throws {
        LogSetup.standardError()
        let options = SandboxOptions(port: port, members: members, seed: seed,
                                     environment: Environment(rawValue: environment), statePath: state)
        let server = try blockingAwait { try await SandboxServer.start(options) }
        // Unbuffered, so a parent process reading the pipe sees the line at once.
        FileHandle.standardOutput.write(Data((server.startupLine() + "\n").utf8))
        let stopped = DispatchSemaphore(value: 0)
        let trap = SignalTrap { _ in
            Task.detached {
                await server.stop()
                stopped.signal()
            }
        }
        stopped.wait()
        _ = trap
    }
}
