import ArgumentParser
import Console
import Foundation
import Logging
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SandboxTraffic
import SyncEngine
import Theme

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the console against a built-in sandbox, with a throwaway mirror. No account needed.")

    @Option(help: "How many members the sandbox generates.") var members: Int = 2000
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 1
    @Option(help: "Calls per second the club's systems make to the sandbox while the demo runs (0: none).")
    var activity: Int = 2
    @Flag(help: "No colours.") var monochrome = false
    @Option(help: "Colour theme (see rewards-ops console --help).") var theme: String?
    @Option(help: "The key the console uses: ops (decides) or support (read only).") var role: String = "ops"
    @Option(help: "Seconds a decision waits in the outbox before it is sent (u undoes it meanwhile).")
    var undoSeconds: Double = 5
    @Option(help: ArgumentHelp("Write the sandbox's startup JSON line (URL and keys) to this file, mode 0600, for scripts and tests.",
                               valueName: "path"))
    var sandboxInfo: String?

    func validate() throws {
        guard members >= 0 else { throw ValidationError("--members must be 0 or more") }
        guard (0...1000).contains(activity) else { throw ValidationError("--activity must be 0–1000") }
        guard ["ops", "support"].contains(role) else { throw ValidationError("--role must be ops or support, not \(role)") }
        guard (0...60).contains(undoSeconds) else { throw ValidationError("--undo-seconds must be 0–60") }
    }

    func run() throws {
        LogSetup.silent()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rewards-ops-demo-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = SandboxOptions(port: 0, members: members, seed: seed, environment: .test)
        let server = try blockingAwait { try await SandboxServer.start(options) }
        defer { _ = try? blockingAwait { await server.stop() } }
        if let sandboxInfo {
            // The sandbox's keys are throwaway, but still only the user may read them.
            guard FileManager.default.createFile(atPath: sandboxInfo, contents: Data((server.startupLine() + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CommandError("Cannot write --sandbox-info file \(sandboxInfo)")
            }
        }
        let mirrorPath = directory.appendingPathComponent("mirror.sqlite").path
        let mirror = try MirrorStore(path: mirrorPath)
        let key = role == "support" ? server.keys.support : server.keys.ops
        let credentials = Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret)
        let client = PlatformClient(credentials: credentials, recorder: MirrorFailureRecorder(mirror: mirror))
        let engine = SyncEngine(client: client, mirror: mirror)
        // The club's own systems at work, over HTTP: sign-ups, earns, reversals that open
        // reviews, redemptions, failing payouts and bad requests that fill the error log.
        let traffic = TrafficGenerator(server: server)
        let rate = activity, seed = self.seed
        _ = try blockingAwait { await traffic.start(stepsPerSecond: rate, seed: seed) }
        defer { _ = try? blockingAwait { await traffic.stop() } }
        let themes = ThemeLoader(sheet: ConsoleStyles.sheet)
        // No profile switcher: the demo's sandbox is its only platform, and `:profile` says so.
        var parts = SessionParts(mirror: mirror, engine: engine, environmentHint: .test,
                                 palette: try SessionParts.loadPalette(theme ?? "default", themes: themes))
        parts.outboxOutlivesSession = false
        try ConsoleSession.run(parts, monochrome: monochrome, undoSeconds: undoSeconds, themes: themes)
        try Self.sendUnsent(engine: engine, mirror: mirror)
    }

    /// The throwaway mirror goes with the demo: decisions still in its outbox (in their undo
    /// window, or cut short by q, Ctrl-C or a hangup) are sent before the sandbox stops.
    static func sendUnsent(engine: SyncEngine, mirror: MirrorStore, waitSeconds: Double = 30) throws {
        let keyId = engine.client.credentials.keyId
        let unsent = (try? mirror.pendingOutboxCount(keyId: keyId)) ?? 0
        guard unsent > 0 else { return }
        print("Sending \(unsent == 1 ? "1 decision" : "\(unsent) decisions") before the sandbox stops…")
        let left = try blockingAwait { try await engine.flushOutbox(deadline: Date().addingTimeInterval(waitSeconds)) }
        print(left == 0 ? "Sent." : "\(left) not sent within \(Int(waitSeconds)) s; they are lost with the demo's sandbox.")
    }
}
