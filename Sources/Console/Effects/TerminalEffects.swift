import Terminal

/// What an effect asks of the thread that owns the terminal. The runtime implements it: the
/// request waits in its mailbox until the UI loop carries it out between frames.
public protocol TerminalEffects: Sendable {
    /// Bytes straight to the terminal, past the screen model (OSC 52).
    func writeRaw(_ bytes: String) async
    /// A theme: every colour pair again, and a full repaint.
    func apply(palette: TerminalPalette) async
}

/// What the executable lends a session beyond its mirror and engine: where themes come from
/// and how another profile is opened. Either may be missing (the demo has no profiles).
public struct SessionServices: Sendable {
    public var themes: (any ThemeCatalog)?
    public var profiles: (any ProfileOpener)?

    public init(themes: (any ThemeCatalog)? = nil, profiles: (any ProfileOpener)? = nil) {
        self.themes = themes
        self.profiles = profiles
    }
}

/// The themes `:theme NAME` can switch to.
public protocol ThemeCatalog: Sendable {
    var names: [String] { get }
    /// Reads and resolves a theme (off the UI thread); throws why it cannot.
    func palette(named name: String) throws -> TerminalPalette
}

/// Opens profile NAME's session for `:profile NAME`, reading the config file afresh; throws
/// why it cannot run, and then the running session goes on untouched.
public protocol ProfileOpener: Sendable {
    func open(profile name: String, running: SessionParts) throws -> SessionParts
}
