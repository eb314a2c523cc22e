import ArgumentParser
import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Settings
import SyncEngine

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring the mirror up to date with the platform (once, or continuously).",
        discussion: """
            With --once it ends, exit status 1 and the reason on standard error, when a call still \
            fails after --retry-budget seconds (each attempt may take up to --request-timeout more), \
            or when the server breaks the contract (a page that does not advance, a redirect, an \
            answer over 64 MiB, a mirror of another club or environment).
            """)

    @OptionGroup var connection: ProfileOption
    @Flag(help: "Bootstrap if needed, read the feed to its end, deliver the outbox, then exit.") var once = false
    @Option(help: "Seconds a call may keep retrying retryable failures before the sync gives up.")
    var retryBudget: Double = 60
    @Option(help: "Seconds one attempt may take, its whole answer included (on top of any long-poll wait).")
    var requestTimeout: Double = 30
    @Flag(help: "Start the mirror over: remove its file first (refused while it holds unsent decisions).")
    var resetMirror = false

    func validate() throws {
        guard retryBudget >= 0 && retryBudget <= 3600 else { throw ValidationError("--retry-budget must be 0–3600 seconds") }
        guard requestTimeout >= 1 && requestTimeout <= 600 else {
            throw ValidationError("--request-timeout must be 1–600 seconds")
        }
    }

    func run() throws {
        let policy = RetryPolicy(maxAttempts: retryBudget == 0 ? 1 : 12, budgetSeconds: retryBudget,
                                 requestTimeoutSeconds: requestTimeout)
        let interactive = isatty(STDERR_FILENO) == 1
        let settings = try connection.settings(policy: policy)
        try LogSetup.standardError(file: connection.logFile, fileLevel: connection.level,
                                   secrets: [settings.credentials.secret])
        if resetMirror { try MirrorOpening.reset(path: settings.mirrorPath) }
        let mirror = try MirrorOpening.open(settings)
        let reporter = SyncReporter(interactive: interactive)
        let client = PlatformClient(credentials: settings.credentials, policy: policy,
                                    recorder: ReportingRecorder(mirror: MirrorFailureRecorder(mirror: mirror),
                                                                reporter: reporter))
        let engine = SyncEngine(client: client, mirror: mirror,
                                onIdentity: MirrorOpening.rememberer(baseURL: settings.credentials.baseURL))
        if once {
            do {
                let applied = try blockingAwait { try await engine.syncOnce(events: reporter.handle) }
                reporter.finish("synced: \(applied) rows and changes applied; mirror \(settings.mirrorPath)")
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
        // The engine stops by itself only when it must not go on (a mirror of another club).
        if reporter.stoppedForGood { throw ExitCode(1) }
    }
}

/// Each failed attempt goes to the mirror's error log, and to the operator as it happens:
/// a retrying sync is never silent.
struct ReportingRecorder: FailedCallRecorder {
    let mirror: MirrorFailureRecorder
    let reporter: SyncReporter

    func record(_ call: FailedCall) async {
        await mirror.record(call)
        reporter.attemptFailed(call)
    }
}
