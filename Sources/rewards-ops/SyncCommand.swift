import ArgumentParser
import Foundation
import Mirror
import RewardsClient
import SyncEngine

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the mirror up to date with the platform (once, or continuously).")

    @Flag(help: "Bootstrap if needed, read the feed to its end, deliver the outbox, then exit.") var once = false

    func run() throws {
        LogSetup.standardError()
        let settings = try ConnectionSettings.fromEnvironment()
        let mirror = try MirrorStore(path: settings.mirrorPath)
        let client = PlatformClient(credentials: settings.credentials, recorder: MirrorFailureRecorder(mirror: mirror))
        let engine = SyncEngine(client: client, mirror: mirror)
        let reporter = SyncReporter()
        if once {
            do {
                let applied = try blockingAwait { try await engine.syncOnce(events: reporter.handle) }
                reporter.finish("synced: \(applied) rows and changes applied; mirror \(settings.mirrorPath)")
            } catch let error as PlatformError {
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

/// Prints sync progress as plain lines (a progress bar comes with the sync issue).
final class SyncReporter: Sendable {
    func handle(_ event: SyncEvent) {
        switch event {
        case .identity(let me):
            line("key \(me.keyId): club \(me.clubId) (\(me.clubName)), \(me.environment.rawValue), role \(me.role.rawValue)")
        case .bootstrapped(let rows):
            line("bootstrap done: \(rows) rows")
        case .status(.bootstrapping(let kind, let rows)) where rows % 10_000 == 0 && rows > 0:
            line("bootstrapping \(kind): \(rows) rows")
        case .error(let error):
            line("error: \(error)")
        case .outboxDelivered(let entry):
            line("delivered \(entry.verb.rawValue) \(entry.objectId)")
        case .outboxFailed(let entry):
            line("failed \(entry.verb.rawValue) \(entry.objectId): \(entry.errorCode ?? "") \(entry.errorMessage ?? "")")
        default:
            break
        }
    }

    func finish(_ text: String) { line(text) }

    private func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
