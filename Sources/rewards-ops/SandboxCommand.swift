import ArgumentParser
import Foundation
import RewardsContract
import Sandbox
import SandboxTraffic

struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the platform sandbox on 127.0.0.1 (prints one JSON line with its URL and keys).")

    @Option(help: "TCP port; 0 picks a free one.") var port: Int = 0
    @Option(help: "How many members to generate.") var members: Int = 200
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 1
    @Option(name: .customLong("env"), help: "The server's environment: test or live.") var environment: String = "test"
    @Option(help: "SQLite file to keep the sandbox's state in (memory when absent).") var state: String?
    @Option(help: "Feed entries kept; a cursor older than them gets 410 cursor_expired.") var history: Int = 100_000
    @Option(name: .customLong("rate-limit"), help: "Requests per second per key (429 past it); 0 is no limit.")
    var rateLimit: Int = 0
    @Flag(name: .customLong("rate-limit-headers"),
          help: "With --rate-limit, send RateLimit-Limit and RateLimit-Remaining (an extension beyond the contract).")
    var rateLimitHeaders = false
    @Option(help: "Integration calls per second the traffic generator makes over HTTP; 0 is none.") var traffic: Int = 0
    @Option(help: "Injected faults: none, light or heavy.") var faults: String = "none"
    @Option(name: .customLong("fault-rate"),
            help: "Per-kind fault rates over the preset, e.g. 503=0.1,reset=0.02 (kinds: 500, 503, 429, 502, reset, slow, duplicate, reorder).")
    var faultRate: String?
    @Option(name: .customLong("fault-delay"), help: "Seconds a slow reply is held, e.g. 2 or 1-3.")
    var faultDelay: String?
    @Option(name: .customLong("fault-seed"), help: "Seed of the fault draws (default: --seed).") var faultSeed: UInt64?
    @Option(name: .customLong("list-delay"),
            help: "Hold every page of these lists, e.g. members=300ms or members=2s,request-logs=500ms (lists: members, redemptions, reviews, request-logs; up to 60 s).")
    var listDelay: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535, not \(port)") }
        guard members >= 0 else { throw ValidationError("--members must be 0 or more, not \(members)") }
        guard ["test", "live"].contains(environment) else {
            throw ValidationError("--env must be test or live, not \(environment)")
        }
        guard history >= 1 else { throw ValidationError("--history must be 1 or more, not \(history)") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more, not \(rateLimit)") }
        guard traffic >= 0 else { throw ValidationError("--traffic must be 0 or more, not \(traffic)") }
        _ = try faultSettings()
        _ = try listDelays()
    }

    func listDelays() throws -> ListDelays {
        guard let listDelay else { return .none }
        do {
            return try ListDelays.parse(listDelay)
        } catch {
            throw ValidationError("--list-delay: \(error)")
        }
    }

    /// The preset, then the per-kind rates over it, then the delay and seed.
    func faultSettings() throws -> FaultSettings {
        guard var settings = FaultSettings.preset(named: faults) else {
            throw ValidationError("--faults must be none, light or heavy, not \(faults)")
        }
        if let faultRate {
            do {
                settings = try settings.withRates(faultRate)
            } catch {
                throw ValidationError("--fault-rate: \(error)")
            }
        }
        if let faultDelay {
            let bounds = faultDelay.split(separator: "-", maxSplits: 1).compactMap { Double($0) }
            guard let low = bounds.first, let high = bounds.last, bounds.count == faultDelay.split(separator: "-").count,
                  low >= 0, high >= low else {
                throw ValidationError("--fault-delay must be SECONDS or MIN-MAX, not \(faultDelay)")
            }
            settings.slowSeconds = low...high
        }
        settings.seed = faultSeed ?? seed
        return settings
    }

    func run() throws {
        LogSetup.standardError()
        let options = SandboxOptions(port: port, members: members, seed: seed,
                                     environment: Environment(rawValue: environment), statePath: state,
                                     feedHistoryLimit: history, rateLimit: rateLimit > 0 ? rateLimit : nil,
                                     rateLimitHeaders: rateLimitHeaders,
                                     faults: try faultSettings(), listDelays: try listDelays())
        let server = try blockingAwait { try await SandboxServer.start(options) }
        // The club's own systems calling the sandbox over HTTP, when asked for.
        let generator = TrafficGenerator(server: server)
        let rate = traffic, seed = self.seed
        _ = try blockingAwait { await generator.start(stepsPerSecond: rate, seed: seed) }
        // Unbuffered, so a parent process reading the pipe sees the line at once.
        FileHandle.standardOutput.write(Data((server.startupLine() + "\n").utf8))
        let stopped = DispatchSemaphore(value: 0)
        let trap = SignalTrap { _ in
            Task.detached {
                await generator.stop()
                await server.stop()
                stopped.signal()
            }
        }
        stopped.wait()
        _ = trap
    }
}
