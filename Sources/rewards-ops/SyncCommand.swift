import ArgumentParser
import Foundation
import Mirror
import RewardsClient
import Settings
import SyncEngine

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the mirror up to date with the platform (once, or continuously).")

    @OptionGroup var connection: ProfileOption
    @Flag(help: "Bootstrap if needed, read the feed to its end, deliver the outbox, then exit.") var once = false
    @Option(help: "Seconds a call may keep retrying retryable failures before the sync gives up.")
    var retryBudget: Double = 60

    func validate() throws {
        guard retryBudget >= 0 && retryBudget <= 3600 else { throw ValidationError("--retry-budget must be 0–3600 seconds") }
    }

    func run() throws {
        let settings = try connection.settings()
        try LogSetup.standardError(file: connection.logFile, fileLevel: connection.level,
                                   secrets: [settings.credentials.secret])
        let mirror = try MirrorStore(path: settings.mirrorPath)
        let client = PlatformClient(credentials: settings.credentials,
                                    policy: RetryPolicy(maxAttempts: retryBudget == 0 ? 1 : 12, budgetSeconds: retryBudget),
                                    recorder: MirrorFailureRecorder(mirror: mirror))
        let engine = SyncEngine(client: client, mirror: mirror)
        let reporter = SyncReporter(interactive: isatty(STDERR_FILENO) == 1)
        if once {
            do {
                let applied = try blockingAwait { try await engine.syncOnce(events: reporter.handle) }
                reporter.finish("synced: \(applied) rows and changes applied; mirror \(settings.mirrorPath)")
            } catch let error as PlatformError {
                reporter.finish("sync failed: \(error)")
                throw ExitCode(1)
            } catch {
                reporter.finish("sync failed: \(error)")
                throw ExitCode(1)
            }
            return
        }
        let stopped = DispatchSemaphore(value: 0)
        let task = Task.detached { await engine.run(events: reporter.handle); stopped.signal() }
        let trap = SignalTrap { _ in task.cancel() }
        stopped.wait()
        _ = trap
    }
}

