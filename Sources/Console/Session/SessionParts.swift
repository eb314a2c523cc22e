import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// What one console session runs on: a profile's mirror and sync engine, and how it looks and
/// behaves. The executable opens the first; `:profile NAME` opens the next through a
/// `ProfileOpener`.
public struct SessionParts: Sendable {
    public var mirror: MirrorStore
    /// Nil: no platform (tests); decisions and ledger fetches then say so.
    public var engine: SyncEngine?
    /// The environment the key's prefix says, shown until `/v1/me` answers.
    public var environmentHint: Environment?
    public var profileName: String?
    public var profileReadOnly = false
    public var expectedEnvironment: Environment?
    public var keymap = Keymap()
    public var palette: TerminalPalette
    /// The config's profiles as read when these parts were opened; nil: no profiles (the demo).
    public var profileChoices: ProfileChoices?
    /// Unsent decisions wait in the mirror for the next run; false for a throwaway mirror (the
    /// demo's), whose owner sends them before it goes.
    public var outboxOutlivesSession = true

    public init(mirror: MirrorStore, engine: SyncEngine?, environmentHint: Environment? = nil, profileName: String? = nil,
                profileReadOnly: Bool = false, expectedEnvironment: Environment? = nil, keymap: Keymap = Keymap(),
                palette: TerminalPalette, profileChoices: ProfileChoices? = nil) {
        self.mirror = mirror
        self.engine = engine
        self.environmentHint = environmentHint
        self.profileName = profileName
        self.profileReadOnly = profileReadOnly
        self.expectedEnvironment = expectedEnvironment
        self.keymap = keymap
        self.palette = palette
        self.profileChoices = profileChoices
    }

    public var mirrorPath: String { mirror.path }
}
