import Console
import Foundation
import RewardsContract
import Settings
import Theme

/// Opens another profile's session for `:profile NAME`: reads the config file afresh (it may
/// have changed since the console started), applies `ProfileSwitchRules`, and opens what the
/// session needs. Anything that fails is thrown as the reason, and the running session goes
/// on untouched.
struct ProfileSwitcher: ProfileOpener {
    let commandLineTheme: String?
    let themes: ThemeLoader
    let environment: [String: String]

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

    func open(profile name: String, running: SessionParts) throws -> SessionParts {
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
            // The new secret joins the log's redaction list before anything can log it.
            LogSetup.redactedSecrets.add(settings.credentials.secret)
            return try SessionParts.open(settings, theme: theme, themes: themes)
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
}
