import Terminal

/// A colour as a theme file writes it, before the palette is applied: palette names are
/// looked up only once the whole `inherits` chain is merged, so a child theme's palette
/// recolours what it inherits (as in helix).
enum ColorReference: Hashable, Sendable {
    case terminalDefault
    case rgb(RGBColor)
    case palette(String)
}

/// A colour for 8/16-colour terminals: the terminal's own default or one ANSI colour.
enum ANSIChoice: Hashable, Sendable {
    case terminalDefault
    case color(ANSIColor)

    var color: ANSIColor? {
        if case .color(let color) = self { return color }
        return nil
    }
}

/// `fg` with its `fg16` (or `bg` with `bg16`). They travel together: a key that sets
/// `fg` must not keep a 16-colour fallback chosen for some other colour.
struct ColorChannel: Hashable, Sendable {
    var color: ColorReference
    var color16: ANSIChoice?
}

/// One theme key's value. Nil parts are unset and come from elsewhere (the parent
/// theme, a shorter key, `ui.text`); an empty attribute list is set, to nothing.
struct StyleSpec: Hashable, Sendable {
    var foreground: ColorChannel?
    var background: ColorChannel?
    var modifiers: TextAttributes?
    var monochrome: TextAttributes?

    /// A child theme replaces parts, not whole keys, so a light theme that recolours
    /// `ui.statusbar` keeps the monochrome form it inherits.
    func overlaid(on parent: StyleSpec?) -> StyleSpec {
        StyleSpec(
            foreground: foreground ?? parent?.foreground,
            background: background ?? parent?.background,
            modifiers: modifiers ?? parent?.modifiers,
            monochrome: monochrome ?? parent?.monochrome
        )
    }
}

/// A `[palette]` entry: `"#rrggbb"`, or `{ hex = "#rrggbb", ansi = "cyan" }` to choose
/// its 8/16-colour form instead of taking the nearest ANSI colour.
struct PaletteEntry: Hashable, Sendable {
    var rgb: RGBColor
    var ansi: ANSIChoice?
}

/// One parsed theme file, not yet merged with its parents.
struct ThemeDocument: Sendable {
    var file: String
    var text: String
    var inherits: String?
    var palette: [String: PaletteEntry] = [:]
    var styles: [String: StyleSpec] = [:]
}
