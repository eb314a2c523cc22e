import Terminal

/// Merges an `inherits` chain and resolves every role to concrete colours.
enum ThemeResolver {
    /// `documents` runs from the oldest ancestor to the theme itself.
    static func resolve(_ documents: [ThemeDocument], name: String, sheet: StyleSheet) throws(ThemeError) -> Theme {
        var palette: [String: PaletteEntry] = [:]
        var styles: [String: StyleSpec] = [:]
        for document in documents {
            palette.merge(document.palette) { _, child in child }
            try checkPaletteNames(in: document, against: palette)
            for (key, style) in document.styles { styles[key] = style.overlaid(on: styles[key]) }
        }
        let file = documents.last?.file ?? name
        let merged = MergedTheme(file: file, palette: palette, styles: styles, sheet: sheet)
        var origins: [StyleRole: StyleOrigin] = [:]
        let terminalPalette = try TerminalPalette(sheet) { role throws(ThemeError) in
            let resolved = try merged.style(for: role)
            origins[role] = resolved.origin
            return resolved.style
        }
        return Theme(name: name, files: documents.reversed().map(\.file), palette: terminalPalette, origins: origins)
    }

    /// Checked file by file, against the palette as merged up to that file, so the
    /// error names the file that uses the name. A child can only add names, so a name
    /// valid here stays valid in the final palette.
    private static func checkPaletteNames(in document: ThemeDocument, against palette: [String: PaletteEntry]) throws(ThemeError) {
        for key in document.styles.keys.sorted() {
            guard let style = document.styles[key] else { continue }
            for (field, channel) in [("fg", style.foreground), ("bg", style.background)] {
                guard case .palette(let name)? = channel?.color, palette[name] == nil else { continue }
                let known = palette.keys.sorted().joined(separator: ", ")
                throw ThemeError(.unknownPaletteName, file: document.file, line: SourceLines.line(ofKey: key, in: document.text),
                                 message: "\(field) of '\(key)' names '\(name)', which is not in [palette] (known: \(known.isEmpty ? "none" : known)); use a palette name or #rrggbb")
            }
        }
    }
}

/// The whole chain merged into one palette and one set of keys.
private struct MergedTheme {
    let file: String
    let palette: [String: PaletteEntry]
    let styles: [String: StyleSpec]
    let sheet: StyleSheet

    /// Each part is looked up on its own, so `table.row.selected` can set only `bg`
    /// and take its text colour and attributes from `table.row` or `ui.text`.
    func style(for role: StyleRole) throws(ThemeError) -> (style: RoleStyle, origin: StyleOrigin) {
        let order = ThemeKeys.lookupOrder(for: role, in: sheet)
        let foreground = first(in: order, \.foreground)
        let background = first(in: ThemeKeys.backgroundLookupOrder(for: role, in: sheet), \.background)
        let modifiers = first(in: order, \.modifiers)
        let monochrome = first(in: order, \.monochrome)
        let fg = try resolve(foreground?.value)
        let bg = try resolve(background?.value)
        var fg16 = fg.ansi, bg16 = bg.ansi
        // A derived fallback that lands on the other side's ANSI colour would make the
        // text invisible on 8/16-colour terminals; take the next nearest instead.
        if let same = fg16, same == bg16 {
            if !fg.ansiChosen, let rgb = fg.rgb {
                fg16 = ANSIColor.nearest(to: rgb, excluding: same)
            } else if !bg.ansiChosen, let rgb = bg.rgb {
                bg16 = ANSIColor.nearest(to: rgb, excluding: same)
            }
        }
        let style = RoleStyle(
            foreground: fg.rgb, background: bg.rgb, foreground16: fg16, background16: bg16,
            attributes: modifiers?.value ?? [], monochrome: monochrome?.value ?? []
        )
        let origin = StyleOrigin(foreground: foreground?.key, background: background?.key,
                                 modifiers: modifiers?.key, monochrome: monochrome?.key)
        return (style, origin)
    }

    private func first<Value>(in order: [String], _ part: KeyPath<StyleSpec, Value?>) -> (key: String, value: Value)? {
        for key in order {
            if let value = styles[key]?[keyPath: part] { return (key, value) }
        }
        return nil
    }

    /// `ansiChosen` is true when the theme picked the ANSI colour (fg16/bg16 or the
    /// palette's `ansi`), false when it was derived from the RGB colour.
    private func resolve(_ channel: ColorChannel?) throws(ThemeError) -> (rgb: RGBColor?, ansi: ANSIColor?, ansiChosen: Bool) {
        guard let channel else { return (nil, nil, true) }
        var rgb: RGBColor?
        var chosen = channel.color16
        switch channel.color {
        case .terminalDefault:
            rgb = nil
            chosen = chosen ?? .terminalDefault
        case .rgb(let color):
            rgb = color
        case .palette(let name):
            guard let entry = palette[name] else {
                throw ThemeError(.unknownPaletteName, file: file, message: "palette name '\(name)' is not defined")
            }
            rgb = entry.rgb
            chosen = chosen ?? entry.ansi
        }
        if let chosen { return (rgb, chosen.color, true) }
        return (rgb, rgb.map { ANSIColor.nearest(to: $0) }, false)
    }
}
