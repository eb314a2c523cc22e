import CNCursesW

/// Roles to curses colour pairs and attributes: from a theme's palette, or the sheet's own
/// colours without one, or attributes alone without colour.
extension NCursesTerminal {
    /// An attributes-only theme shows its monochrome forms even on a colour terminal.
    func installStyles(_ palette: TerminalPalette?) {
        if colorAllowed, palette?.usesColor ?? true {
            styles = Self.colorStyles(sheet, palette, defaultColors: startColors())
        } else {
            styles = Self.monochromeStyles(sheet, palette)
        }
        needsFullRepaint = true
    }

    /// start_color once, on first need: a monochrome start may later switch to a colour theme.
    private func startColors() -> Bool {
        if let defaultColorsSupported { return defaultColorsSupported }
        start_color()
        let supported = use_default_colors() == OK
        defaultColorsSupported = supported
        return supported
    }

    private static func colorStyles(_ sheet: StyleSheet, _ palette: TerminalPalette?, defaultColors: Bool)
        -> [CursesStyle] {
        let colorCount = Int(rw_colors())
        let extended = colorCount >= 256
        let pairLimit = Int(rw_color_pairs())
        return sheet.roles.map { role in
            let pair = Int(role.index) + 1
            guard pair < pairLimit else {
                return CursesStyle(pair: 0, attributes: cursesAttributes(monochrome(role, sheet, palette)))
            }
            let colors = palette.map { palette in
                let indices = palette.colorIndices(for: role, colorCount: colorCount)
                return RoleColors(foreground: indices.foreground, background: indices.background, attributes: palette[role].attributes)
            } ?? (extended ? sheet[role].extended : sheet[role].basic)
            // Without default-colour support, -1 is invalid: assume a dark screen.
            let foreground = colors.foreground < 0 && !defaultColors ? 7 : colors.foreground
            let background = colors.background < 0 && !defaultColors ? 0 : colors.background
            init_pair(Int16(pair), Int16(foreground), Int16(background))
            return CursesStyle(pair: Int16(pair), attributes: cursesAttributes(colors.attributes))
        }
    }

    private static func monochromeStyles(_ sheet: StyleSheet, _ palette: TerminalPalette?) -> [CursesStyle] {
        sheet.roles.map { CursesStyle(pair: 0, attributes: cursesAttributes(monochrome($0, sheet, palette))) }
    }

    private static func monochrome(_ role: StyleRole, _ sheet: StyleSheet, _ palette: TerminalPalette?) -> TextAttributes {
        palette?[role].monochrome ?? sheet[role].monochrome
    }

    private static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = rw_a_normal()
        if attributes.contains(.bold) { result |= rw_a_bold() }
        if attributes.contains(.dim) { result |= rw_a_dim() }
        if attributes.contains(.reverse) { result |= rw_a_reverse() }
        if attributes.contains(.underline) { result |= rw_a_underline() }
        return result
    }
}

/// A role resolved to a curses colour pair and attributes.
struct CursesStyle {
    var pair: Int16
    var attributes: attr_t
}

/// The style of the role drawn last. Neighbouring cells mostly share a role, so the table is
/// read once per run of a role.
struct Pen {
    /// Indexed by `StyleRole.index`.
    let styles: [CursesStyle]
    private var role: StyleRole?
    private var current = CursesStyle(pair: 0, attributes: rw_a_normal())

    init(styles: [CursesStyle]) {
        self.styles = styles
    }

    mutating func style(for role: StyleRole) -> CursesStyle {
        if role != self.role {
            self.role = role
            let index = Int(role.index)
            current = styles.indices.contains(index) ? styles[index] : CursesStyle(pair: 0, attributes: rw_a_normal())
        }
        return current
    }
}
