import Foundation
import Logging
import Mirror
import RewardsClient
import RewardsContract
import Settings

/// Finding, opening and starting over a connection's mirror.
enum MirrorOpening {
    /// For the one `/v1/me` that names a first run's mirror file: a few quick tries.
    static let identifyPolicy = RetryPolicy(maxAttempts: 3, budgetSeconds: 15, requestTimeoutSeconds: 15)

    /// The settings with their mirror's file known. A key without a profile, never seen on
    /// this machine, is asked who it is (`GET /v1/me`), and the answer is remembered.
    static func located(_ settings: ConnectionSettings, policy: RetryPolicy) throws -> ConnectionSettings {
        guard settings.mirrorPending else { return settings }
        let credentials = settings.credentials
        // Before the command has set up its logs: this one call logs nothing, its error says it all.
        let client = PlatformClient(credentials: credentials, policy: policy,
                                    logger: Logger(label: "rewards-ops.client", factory: { _ in SwiftLogNoOpLogHandler() }))
        let me: Me
        do {
            me = try blockingAwait { try await client.me() }
        } catch {
            throw CommandError("""
                The mirror's file is named for the key's club, and the platform has not said which club key \
                \(credentials.keyId) is of: \(error). Try again once \(credentials.target) answers, or set \
                \(ConnectionSettings.mirrorVariable) to a file of your choice.
                """)
        }
        guard let path = MirrorDirectory().remember(baseURL: credentials.baseURL, me: me) else {
            throw CommandError("\(credentials.baseURL) has no host to name the mirror after")
        }
        var located = settings
        located.mirrorPath = path
        located.mirrorPending = false
        return located
    }

    /// Opens the mirror, refusing before anything runs when it is already known to belong to
    /// another club or environment than the key's (the key's last `/v1/me` on this machine).
    /// Whether known now or found out at the next `/v1/me`, the refusal names both.
    static func open(_ settings: ConnectionSettings) throws -> MirrorStore {
        let mirror = try MirrorStore(path: settings.mirrorPath)
        let credentials = settings.credentials
        guard let bound = try mirror.binding(),
              let host = MirrorBinding.host(of: credentials.baseURL),
              let known = MirrorDirectory().known(host: host, keyId: credentials.keyId) else { return mirror }
        let key = MirrorBinding(baseURL: credentials.baseURL, clubId: known.clubId, clubName: "",
                                environment: Environment(rawValue: known.environment))
        if bound.clubId != key.clubId || bound.environment != key.environment || (bound.host.map { $0 != host } ?? false) {
            throw CommandError(MirrorIdentityMismatch(mirrorPath: settings.mirrorPath, mirror: bound,
                                                      keyId: credentials.keyId, key: key).description)
        }
        return mirror
    }

    /// The mirror of a command that reads it without connecting (`export`, `audit`): the same
    /// rules as a connection's, needing no secret. `REWARDS_OPS_MIRROR`; else the profile named
    /// (or, without the key variables, the config's default one); else the file the key id
    /// was last seen with on the platform of `REWARDS_OPS_BASE_URL`.
    static func offlinePath(profile: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> String {
        if let explicit = try ConnectionSettings.explicitMirror(environment) { return explicit }
        let baseURL = environment[ConnectionSettings.baseURLVariable] ?? ""
        let keyId = environment[ConnectionSettings.keyIdVariable] ?? ""
        if profile != nil || baseURL.isEmpty || keyId.isEmpty {
            let config: ConsoleConfig
            do {
                config = try ConfigLoader.load(path: ConfigLoader.defaultPath(environment: environment))
            } catch let error as ConfigError {
                throw error.asCommandError
            }
            if let chosen = try config.profile(named: profile) {
                return MirrorStore.defaultPath(name: chosen.name, environment: environment)
            }
            throw CommandError("""
                Which mirror? Set \(ConnectionSettings.mirrorVariable), pick a profile with --profile, or set \
                \(ConnectionSettings.baseURLVariable) and \(ConnectionSettings.keyIdVariable) for the key whose mirror it is.
                """)
        }
        guard let path = MirrorDirectory(environment: environment).mirrorFile(baseURL: baseURL, keyId: keyId) else {
            throw CommandError("""
                No mirror yet for key \(keyId) on \(baseURL): its file is named for the key's club, which the \
                first `rewards-ops sync --once` asks the platform for.
                """)
        }
        return path
    }

    /// Remembers each answer of `/v1/me`, so the next run finds the key's mirror offline.
    static func rememberer(baseURL: String) -> @Sendable (Me) -> Void {
        { me in MirrorDirectory().remember(baseURL: baseURL, me: me) }
    }

    /// `--reset-mirror`: the file (and its WAL) removed, so the next open starts over. Refused
    /// while it holds decisions not yet sent: they would be lost, and they can go out only
    /// under their own key.
    static func reset(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let pending = try MirrorStore(path: path).pendingOutboxByKey()
        let waiting = pending.values.reduce(0, +)
        if waiting > 0 {
            let keys = pending.keys.map { $0 ?? "no key" }.sorted().joined(separator: ", ")
            throw CommandError("""
                Not reset: \(path) holds \(waiting) decision\(waiting == 1 ? "" : "s") not sent yet (key \(keys)). \
                Run `rewards-ops sync --once` with that key first, or move the file away yourself.
                """)
        }
        for suffix in ["", "-wal", "-shm"] {
            let file = path + suffix
            if FileManager.default.fileExists(atPath: file) {
                do {
                    try FileManager.default.removeItem(atPath: file)
                } catch {
                    throw CommandError("Cannot remove \(file) for --reset-mirror: \(error.localizedDescription)")
                }
            }
        }
    }
}
