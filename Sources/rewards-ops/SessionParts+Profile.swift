import Console
import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Settings
import SyncEngine
import Terminal
import Theme

extension SessionParts {
    /// Opens everything a profile's session needs, cheapest checks first, so that a profile
    /// that cannot run fails here, before anything of the running session ends. The first
    /// session and every `:profile` switch are opened the same way.
    static func open(_ settings: ConnectionSettings, theme: String, themes: ThemeLoader) throws -> SessionParts {
        let keys = try configuredKeymap(settings.config)
        let palette = try loadPalette(theme, themes: themes)
        let mirror = try MirrorOpening.open(settings)
        let client = PlatformClient(credentials: settings.credentials, recorder: MirrorFailureRecorder(mirror: mirror))
        return SessionParts(mirror: mirror,
                            engine: SyncEngine(client: client, mirror: mirror, profileName: settings.profileName,
                                               onIdentity: MirrorOpening.rememberer(baseURL: settings.credentials.baseURL)),
                            environmentHint: KeyID.environment(of: settings.credentials.keyId),
                            profileName: settings.profileName, profileReadOnly: settings.readOnly,
                            expectedEnvironment: settings.expectedEnvironment.map(Environment.init(rawValue:)),
                            keymap: keys, palette: palette, profileChoices: ProfileSwitcher.choices(settings.config))
    }

    /// The config file's `[keys]`, or its error naming the file.
    static func configuredKeymap(_ config: ConsoleConfig) throws -> Keymap {
        do {
            return try Keymap.from(config.keys)
        } catch let error as Keymap.KeymapError {
            throw CommandError("\(config.path): \(error)")
        }
    }

    static func loadPalette(_ theme: String, themes: ThemeLoader) throws -> TerminalPalette {
        do {
            return try themes.load(theme).palette
        } catch {
            throw CommandError("\(error)")
        }
    }
}
