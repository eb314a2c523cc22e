/// A theme resolved for the terminal: one `RoleStyle` for every `StyleRole`. Built
/// from a function over all roles so that no role can be missing.
public struct TerminalPalette: Hashable, Sendable {
    private let styles: [StyleRole: RoleStyle]

    public init<Failure: Error>(_ style: (StyleRole) throws(Failure) -> RoleStyle) throws(Failure) {
        var styles: [StyleRole: RoleStyle] = [:]
        for role in StyleRole.allCases { styles[role] = try style(role) }
        self.styles = styles
    }

    public subscript(role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle()
    }

    /// False for an attributes-only theme: the terminal then uses the monochrome forms
    /// even when it could show colour, since colour mode would show no colours either.
    public var usesColor: Bool {
        StyleRole.allCases.contains { self[$0].hasColor }
    }

    /// The curses colour numbers for `role` on a terminal with `colorCount` colours;
    /// -1 is the terminal's default colour.
    public func colorIndices(for role: StyleRole, colorCount: Int) -> (foreground: Int, background: Int) {
        let style = self[role]
        if colorCount >= 256 {
            return (style.foreground?.nearestXterm256 ?? -1, style.background?.nearestXterm256 ?? -1)
        }
        return (
            style.foreground16?.index(colorCount: colorCount, isForeground: true) ?? -1,
            style.background16?.index(colorCount: colorCount, isForeground: false) ?? -1
        )
    }
}
