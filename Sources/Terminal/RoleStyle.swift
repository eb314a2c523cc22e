/// How one role looks, resolved for every kind of terminal. A nil colour is the
/// terminal's own default, which keeps the user's background and transparency.
public struct RoleStyle: Hashable, Sendable {
    /// Shown as the nearest xterm-256 colour when the terminal has 256 colours.
    public var foreground: RGBColor?
    public var background: RGBColor?
    /// Shown instead on 8/16-colour terminals.
    public var foreground16: ANSIColor?
    public var background16: ANSIColor?
    /// Attributes added in colour mode.
    public var attributes: TextAttributes
    /// The whole style when colour is off (NO_COLOR, --monochrome, a monochrome theme).
    public var monochrome: TextAttributes

    public init(
        foreground: RGBColor? = nil, background: RGBColor? = nil,
        foreground16: ANSIColor? = nil, background16: ANSIColor? = nil,
        attributes: TextAttributes = [], monochrome: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.foreground16 = foreground16
        self.background16 = background16
        self.attributes = attributes
        self.monochrome = monochrome
    }

    /// True when the role asks for any colour at all.
    public var hasColor: Bool {
        foreground != nil || background != nil || foreground16 != nil || background16 != nil
    }
}
