import ArgumentParser
import Foundation
import Mirror
import RewardsClient
import RewardsContract
import SyncEngine

/// `--sync` / `--no-sync`: whether a command syncs the mirror before it reads.
struct FreshnessOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, exclusivity: .exclusive,
          help: "Sync before reading (--sync), or read the mirror as it is (--no-sync). Default: sync when the mirror is more than a minute old.")
    var sync: Bool?

    /// A mirror synced this recently is read as it is unless `--sync` is given.
    static let freshFor: TimeInterval = 60
}

/// The mirror a headless command reads, brought up to date first when asked or when stale,
/// with one line on standard error that says which.
struct HeadlessMirror {
    var mirror: MirrorStore
    /// The connection, when one is configured; decisions and ledger fetches need it.
    var settings: ConnectionSettings?
    var engine: SyncEngine?
    /// Whether this run synced (so a member's ledger may be fetched fresh too).
    var synced = false

    /// Opens the mirror, syncing per `freshness`. Without a configured connection the mirror
    /// is read as it is (said on standard error) unless `--sync` or `requireConnection` demands one.
    static func open(_ connection: ProfileOption, _ freshness: FreshnessOptions, policy: RetryPolicy = readPolicy,
                     requireConnection: Bool = false, now: Date = Date()) throws -> HeadlessMirror {
        let environment = ProcessInfo.processInfo.environment
        var settings: ConnectionSettings?
        var connectionProblem: (any Error)?
        do { settings = try connection.settings() } catch { connectionProblem = error }
        try LogSetup.standardError(file: connection.logFile, fileLevel: connection.level,
                                   secrets: settings.map { [$0.credentials.secret] } ?? [])
        let path = settings?.mirrorPath ?? environment[ConnectionSettings.mirrorVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? MirrorStore.defaultPath(environment: environment)
        let exists = FileManager.default.fileExists(atPath: path)
        guard let settings else {
            if freshness.sync == true || requireConnection || !exists, let connectionProblem { throw connectionProblem }
            let problem = connectionProblem.map { "\($0)".split(separator: "\n").first.map(String.init) ?? "" } ?? ""
            Output.note(freshness.sync == false ? "Not syncing (--no-sync): reading the mirror \(path) as it is."
                        : "Not syncing (no connection: \(problem)): reading the mirror \(path) as it is.")
            return HeadlessMirror(mirror: try MirrorStore(path: path))
        }
        if freshness.sync == false && !exists {
            throw CommandError("No mirror at \(path): leave out --no-sync, or run `rewards-ops sync --once` first")
        }
        let mirror = try MirrorStore(path: path)
        let client = PlatformClient(credentials: settings.credentials, policy: policy,
                                    recorder: MirrorFailureRecorder(mirror: mirror))
        var opened = HeadlessMirror(mirror: mirror, settings: settings,
                                    engine: SyncEngine(client: client, mirror: mirror, profileName: settings.profileName))
        try opened.bringUpToDate(freshness, now: now)
        return opened
    }

    /// Reads keep retrying a failing call for a few seconds at most: a stale mirror with a
    /// note beats a command that hangs.
    static let readPolicy = RetryPolicy(maxAttempts: 4, budgetSeconds: 10, requestTimeoutSeconds: 20)

    private mutating func bringUpToDate(_ freshness: FreshnessOptions, now: Date) throws {
        let lastSync = try mirror.lastSyncAt()
        let age = lastSync.map { now.timeIntervalSince($0) }
        let described = age.map { "last synced \(Self.describe(age: $0)) ago" } ?? "never synced"
        if freshness.sync == false {
            Output.note("Not syncing (--no-sync): the mirror was \(described).")
            return
        }
        if freshness.sync == nil, let age, age < FreshnessOptions.freshFor, age >= 0 {
            Output.note("Not syncing: the mirror was synced \(Self.describe(age: age)) ago (--sync to sync anyway).")
            return
        }
        guard let engine else { return }
        let why = freshness.sync == true ? "--sync" : lastSync == nil ? "the mirror was never synced" : "the mirror was \(described)"
        do {
            let applied = try blockingAwait { try await engine.syncOnce() }
            synced = true
            Output.note("Synced (\(why)): \(applied) rows and changes applied.")
        } catch {
            let reason = (error as? PlatformError).map { "\($0.code): \($0.message)" } ?? "\(error)"
            if freshness.sync == true { throw CommandError(OutputText.inert("Sync failed (\(reason)): nothing was read")) }
            Output.note("Sync failed (\(reason)): reading the mirror as it is (\(described)).")
        }
    }

    static func describe(age seconds: TimeInterval) -> String {
        let whole = Int(max(0, seconds))
        if whole < 120 { return "\(whole) s" }
        if whole < 7200 { return "\(whole / 60) min" }
        if whole < 172_800 { return "\(whole / 3600) h" }
        return "\(whole / 86_400) days"
    }
}
