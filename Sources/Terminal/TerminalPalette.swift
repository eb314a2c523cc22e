/// A theme resolved for the terminal: one `RoleStyle` for every role of a `StyleSheet`, built
/// from a function over the sheet's roles so that none can be missing.
public struct TerminalPalette: Hashable, Sendable {
    public let sheet: StyleSheet
    private let styles: [RoleStyle]

    public init<Failure: Error>(_ sheet: StyleSheet, _ style: (StyleRole) throws(Failure) -> RoleStyle) throws(Failure) {
        self.sheet = sheet
        var styles: [RoleStyle] = []
        styles.reserveCapacity(sheet.definitions.count)
        for role in sheet.roles { styles.append(try style(role)) }
        self.styles = styles
    }

    /// A role of another sheet has no style.
    public subscript(role: StyleRole) -> RoleStyle {
        styles.indices.contains(Int(role.index)) ? styles[Int(role.index)] : RoleStyle()
    }

    /// False for an attributes-only theme: the terminal then uses the monochrome forms
    /// even when it could show colour, since colour mode would show no colours either.
    public var usesColor: Bool {
        styles.contains { $0.hasColor }
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
