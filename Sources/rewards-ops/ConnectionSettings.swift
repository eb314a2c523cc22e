import ArgumentParser
import Foundation
import Logging
import Mirror
import RewardsClient
import Settings

/// `--profile NAME`, shared by every subcommand that talks to a platform.
struct ProfileOption: ParsableArguments {
    @Option(help: "A profile of the config file ($XDG_CONFIG_HOME/rewards-ops/config.toml); default: its default_profile.")
    var profile: String?
    @Option(help: ArgumentHelp("Append a log to this file (mode 0600); Authorization, signatures and the secret are redacted.",
                               valueName: "path"))
    var logFile: String?
    @Option(help: "Log level for --log-file: trace, debug, info, notice, warning, error.") var logLevel: String = "info"

    var level: Logger.Level { Logger.Level(rawValue: logLevel) ?? .info }

    /// The connection this option names; a config problem ends the command with its message.
    func settings() throws -> ConnectionSettings {
        do {
            return try ConnectionSettings.resolve(profile: profile)
        } catch let error as ConfigError {
            throw error.asCommandError
        }
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
/// Precedence: `--profile NAME`, then the REWARDS_OPS_* environment variables, then the
/// config file's default profile.
struct ConnectionSettings {
    var credentials: Credentials
    var mirrorPath: String
    var profileName: String?
    var expectedEnvironment: String?
    var readOnly = false
    var theme: String?
    var config: ConsoleConfig

    static let baseURLVariable = "REWARDS_OPS_BASE_URL"
    static let keyIdVariable = "REWARDS_OPS_KEY_ID"
    static let secretVariable = "REWARDS_OPS_KEY_SECRET"
    static let mirrorVariable = "REWARDS_OPS_MIRROR"

    static func resolve(profile name: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ConnectionSettings {
        let config = try ConfigLoader.load(path: ConfigLoader.defaultPath(environment: environment))
        let fromEnvironment = [baseURLVariable, keyIdVariable, secretVariable].contains { !(environment[$0] ?? "").isEmpty }
        if name == nil && fromEnvironment {
            var settings = try fromVariables(environment)
            settings.config = config
            settings.theme = config.theme
            return settings
        }
        guard let profile = try config.profile(named: name) else {
            return try fromVariables(environment)  // explains what is missing
        }
        let secret = try SecretReader.read(profile.secret, profile: profile.name, environment: environment)
        let mirrorPath = environment[mirrorVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? MirrorStore.defaultPath(name: profile.name, environment: environment)
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
        let mirrorPath = environment[mirrorVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? MirrorStore.defaultPath(environment: environment)
        return ConnectionSettings(credentials: Credentials(baseURL: baseURL, keyId: environment[keyIdVariable] ?? "",
                                                           secret: environment[secretVariable] ?? ""),
                                  mirrorPath: mirrorPath, config: ConsoleConfig(path: ConfigLoader.defaultPath(environment: environment)))
    }
}

extension ConfigError {
    /// Config problems end the command with their message (file and line), not a stack of usage.
    var asCommandError: CommandError { CommandError(description) }
}
