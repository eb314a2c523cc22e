import Console
import Foundation
import Mirror
import Settings
import RewardsClient
import RewardsContract
import SyncEngine
import Terminal
import Theme

/// What one console session runs on: a profile's mirror, client and engine, and how it looks
/// and behaves. The first session and every `:profile` switch build one the same way.
struct SessionParts {
    var mirror: MirrorStore
    var mirrorPath: String
    var engine: SyncEngine
    var environmentHint: Environment?
    var profileName: String?
    var profileReadOnly = false
    var expectedEnvironment: Environment?
    var keymap = Keymap()
    var palette: TerminalPalette

    /// Opens everything a profile's session needs, cheapest checks first, so that a profile
    /// that cannot run fails here, before anything of the running session ends.
    static func open(_ settings: ConnectionSettings, theme: String, themes: ThemeLoader) throws -> SessionParts {
        let keys = try configuredKeymap(settings.config)
        let palette = try loadPalette(theme, themes: themes)
        let mirror = try MirrorOpening.open(settings)
        let client = PlatformClient(credentials: settings.credentials, recorder: MirrorFailureRecorder(mirror: mirror))
        return SessionParts(mirror: mirror, mirrorPath: settings.mirrorPath,
                            engine: SyncEngine(client: client, mirror: mirror, profileName: settings.profileName,
                                               onIdentity: MirrorOpening.rememberer(baseURL: settings.credentials.baseURL)),
                            environmentHint: KeyID.environment(of: settings.credentials.keyId),
                            profileName: settings.profileName, profileReadOnly: settings.readOnly,
                            expectedEnvironment: settings.expectedEnvironment.map(Environment.init(rawValue:)),
                            keymap: keys, palette: palette)
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
