import Console
import Foundation
import RewardsContract
import Settings
import Theme

/// Readies another profile's session for `:profile NAME`: reads the config file afresh (it
/// may have changed since the console started), applies `ProfileSwitchRules`, and opens what
/// the session needs. Anything that fails is thrown as the reason, and the running session
/// goes on untouched.
final class ProfileSwitcher {
    let commandLineTheme: String?
    let themes: ThemeLoader
    let environment: [String: String]
    /// The session `prepare` readied; the console loop takes it once the running one ends.
    private var prepared: SessionParts?
    /// The profiles of the config as `prepare` last read it, for the next session's `:profile`.
    private(set) var latestChoices: ProfileChoices?

    init(commandLineTheme: String?, themes: ThemeLoader,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.commandLineTheme = commandLineTheme
        self.themes = themes
        self.environment = environment
    }

    /// The profiles of a config, for `:profile` to list and complete.
    static func choices(_ config: ConsoleConfig) -> ProfileChoices {
        ProfileChoices(configPath: config.path, profiles: config.profiles.values.map { profile in
            ProfileChoice(name: profile.name, expectedEnvironment: profile.expectedEnvironment.map(Environment.init(rawValue:)),
                          readOnly: profile.readOnly)
        })
    }

    /// Throws why profile `name` cannot run; else its session waits in `takePrepared()`.
    func prepare(_ name: String, running: SessionParts) throws {
        prepared = nil
        let resolved = Result { try ConnectionSettings.resolve(profile: name, environment: environment) }
            .mapError { Self.briefly($0) }
        let requested = resolved.map { settings in
            ProfileSwitchRules.Requested(profileName: settings.profileName ?? name, mirrorPath: settings.mirrorPath,
                                         profileTheme: settings.config.profiles[name]?.theme,
                                         configTheme: settings.config.theme)
        }
        let verdict = ProfileSwitchRules.verdict(
            running: ProfileSwitchRules.Running(profileName: running.profileName, mirrorPath: running.mirrorPath),
            resolved: requested, commandLineTheme: commandLineTheme)
        switch verdict {
        case .refuse(let reason):
            throw CommandError(reason)
        case .start(let theme):
            let settings = try resolved.get()
            latestChoices = Self.choices(settings.config)
            // The new secret joins the log's redaction list before anything can log it.
            LogSetup.redactedSecrets.add(settings.credentials.secret)
            prepared = try SessionParts.open(settings, theme: theme, themes: themes)
        }
    }

    /// A config problem told for a one-line flash that already names the profile: what to do
    /// first, so that an 80-column screen still shows it.
    static func briefly(_ error: any Error) -> any Error {
        switch error as? ConfigError {
        case .secretFileTooOpen(let path, let mode)?:
            return CommandError("its secret file has mode \(mode): chmod 600 \(path)")
        case .secretMissing(let source, _)?:
            return CommandError("its secret's \(source) is not set or is empty")
        case .unknownProfile(_, _, let known)?:
            return CommandError("no such profile (profiles: \(known))")
        default:
            return error
        }
    }

    /// The readied session, once: nil when none was asked for (the operator quit).
    func takePrepared() -> SessionParts? {
        defer { prepared = nil }
        return prepared
    }
}
