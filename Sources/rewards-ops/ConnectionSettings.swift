import ArgumentParser
import Foundation
import Logging
import Mirror
import RewardsClient
import Settings

/// `--profile NAME` and the log options, shared by every subcommand that talks to a platform.
/// They may also come before the subcommand (`rewards-ops --log-file F sync --once`): see
/// `GlobalOptions`.
struct ProfileOption: ParsableArguments {
    @Option(help: "A profile of the config file ($XDG_CONFIG_HOME/rewards-ops/config.toml); default: its default_profile.")
    var profile: String?
    @Option(help: ArgumentHelp("Append a log to this file (mode 0600); Authorization, signatures and the secret are redacted.",
                               valueName: "path"))
    var logFile: String?
    @Option(help: "Log level for --log-file: trace, debug, info, notice, warning, error.") var logLevel: String = "info"

    var level: Logger.Level { Logger.Level(rawValue: logLevel) ?? .info }

    /// The connection this option names, with its mirror's file found (asking the platform
    /// who the key is, the first time a key runs without a profile); a config problem ends
    /// the command with its message.
    func settings(policy: RetryPolicy = MirrorOpening.identifyPolicy) throws -> ConnectionSettings {
        let resolved: ConnectionSettings
        do {
            resolved = try ConnectionSettings.resolve(profile: profile)
        } catch let error as ConfigError {
            throw error.asCommandError
        }
        return try MirrorOpening.located(resolved, policy: policy)
    }

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }
}

/// The connection a subcommand uses. Secrets come from the environment or a 0600 file named
/// by a profile, never from argv.
///
/// Precedence: `--profile NAME`, then the REWARDS_OPS_* environment variables (which win
/// even over a config file that does not parse: `doctor` still reports its error), then the
/// config file's default profile.
///
/// The mirror: `REWARDS_OPS_MIRROR` if set (its directory must exist); else a profile's own
/// `<profile>.sqlite`; else the file of the key's platform host, club and environment (see
/// `MirrorDirectory`), which is pending until the key's club is known.
struct ConnectionSettings {
    var credentials: Credentials
    var mirrorPath: String
    /// True while `mirrorPath` is not yet known: a key without a profile, never identified on
    /// this machine. `MirrorOpening.located` asks the platform and fills it in.
    var mirrorPending = false
    var profileName: String?
    var expectedEnvironment: String?
    var readOnly = false
    var theme: String?
    var config: ConsoleConfig
    /// Why the config file was set aside for the environment variables, if it was.
    var configProblem: ConfigError?

    static let baseURLVariable = "REWARDS_OPS_BASE_URL"
    static let keyIdVariable = "REWARDS_OPS_KEY_ID"
    static let secretVariable = "REWARDS_OPS_KEY_SECRET"
    static let mirrorVariable = "REWARDS_OPS_MIRROR"

    static func resolve(profile name: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ConnectionSettings {
        let configPath = ConfigLoader.defaultPath(environment: environment)
        let fromEnvironment = [baseURLVariable, keyIdVariable, secretVariable].contains { !(environment[$0] ?? "").isEmpty }
        if name == nil && fromEnvironment {
            var settings = try fromVariables(environment)
            do {
                settings.config = try ConfigLoader.load(path: configPath)
                settings.theme = settings.config.theme
            } catch let error as ConfigError {
                settings.configProblem = error
            }
            return settings
        }
        let config = try ConfigLoader.load(path: configPath)
        guard let profile = try config.profile(named: name) else {
            return try fromVariables(environment)  // explains what is missing
        }
        let secret = try SecretReader.read(profile.secret, profile: profile.name, environment: environment)
        let mirrorPath = try explicitMirror(environment) ?? MirrorStore.defaultPath(name: profile.name, environment: environment)
        return ConnectionSettings(credentials: Credentials(baseURL: profile.baseURL, keyId: profile.keyId, secret: secret),
                                  mirrorPath: mirrorPath, profileName: profile.name,
                                  expectedEnvironment: profile.expectedEnvironment, readOnly: profile.readOnly,
                                  theme: profile.theme ?? config.theme, config: config)
    }

    static func fromVariables(_ environment: [String: String]) throws -> ConnectionSettings {
        let missing = [baseURLVariable, keyIdVariable, secretVariable].filter { (environment[$0] ?? "").isEmpty }
        if !missing.isEmpty {
            throw CommandError("""
                No connection: missing \(missing.joined(separator: ", ")) in the environment, and no profile.
                Set REWARDS_OPS_BASE_URL, REWARDS_OPS_KEY_ID and REWARDS_OPS_KEY_SECRET, add a profile to \
                \(ConfigLoader.defaultPath(environment: environment)), or try `rewards-ops demo`, which needs no account.
                """)
        }
        let baseURL = environment[baseURLVariable] ?? ""
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw CommandError("\(baseURLVariable) is not an http(s) URL: \(baseURL)")
        }
        let keyId = environment[keyIdVariable] ?? ""
        let credentials = Credentials(baseURL: baseURL, keyId: keyId, secret: environment[secretVariable] ?? "")
        var settings = ConnectionSettings(credentials: credentials, mirrorPath: "",
                                          config: ConsoleConfig(path: ConfigLoader.defaultPath(environment: environment)))
        if let explicit = try explicitMirror(environment) {
            settings.mirrorPath = explicit
        } else if let known = MirrorDirectory(environment: environment).mirrorFile(baseURL: baseURL, keyId: keyId) {
            settings.mirrorPath = known
        } else {
            settings.mirrorPending = true
        }
        return settings
    }

    /// `REWARDS_OPS_MIRROR`, when set. Its directory must exist: a typo must not quietly grow a
    /// new directory tree and an empty mirror.
    static func explicitMirror(_ environment: [String: String]) throws -> String? {
        guard let path = environment[mirrorVariable], !path.isEmpty else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !directory.isEmpty, !(FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw CommandError("""
                \(mirrorVariable)=\(path): the directory \(directory) does not exist. Create it, or unset \
                \(mirrorVariable) to use the default file under \(MirrorDirectory(environment: environment).path).
                """)
        }
        return path
    }
}

extension ConfigError {
    /// Config problems end the command with their message (file and line), not a stack of usage.
    var asCommandError: CommandError { CommandError(description) }
}
