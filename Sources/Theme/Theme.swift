import Terminal

/// A loaded theme: its resolved `TerminalPalette` (give it to `NCursesTerminal`) and,
/// for checks and error reports, where each part of each role came from.
public struct Theme: Hashable, Sendable {
    public let name: String
    /// The files read, this theme's first, then each theme it inherits from.
    public let files: [String]
    public let palette: TerminalPalette
    public let origins: [StyleRole: StyleOrigin]

    public init(name: String, files: [String], palette: TerminalPalette, origins: [StyleRole: StyleOrigin]) {
        self.name = name
        self.files = files
        self.palette = palette
        self.origins = origins
    }
}

/// The theme key that supplied each part of a role's style (the role's own key, a
/// prefix, `ui.text` or `ui.background`); nil when no key did, so the part is the
/// terminal's default colour or no attributes.
public struct StyleOrigin: Hashable, Sendable {
    public var foreground: String?
    public var background: String?
    public var modifiers: String?
    public var monochrome: String?

    public init(foreground: String? = nil, background: String? = nil, modifiers: String? = nil, monochrome: String? = nil) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
        self.monochrome = monochrome
    }
}
