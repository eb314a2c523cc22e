import Terminal
import TOMLHeaderCheck
import TOMLKit

/// Turns one theme file's text into a `ThemeDocument`, checking every value against
/// the format described in themes/README.md. Palette names are checked later, against
/// the palette merged along `inherits`.
struct ThemeParser {
    let file: String
    let text: String
    /// The keys a theme may name: the app's roles and their prefixes (`ThemeKeys.known`).
    let known: Set<String>

    static let styleFields: Set<String> = ["fg", "bg", "fg16", "bg16", "modifiers", "mono"]

    static func parse(_ text: String, file: String, known: Set<String>) throws(ThemeError) -> ThemeDocument {
        try ThemeParser(file: file, text: text, known: known).parse()
    }

    private func parse() throws(ThemeError) -> ThemeDocument {
        // TOMLKit aborts the process on a table header with no name: a user's theme file must
        // get the usual syntax error instead.
        if let bad = TableHeaderCheck.firstNamelessHeader(in: text) {
            throw ThemeError(.syntax, file: file, line: bad.line, column: bad.column,
                             message: "not valid TOML: a table header needs a name: [name] or [[name]]")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(.syntax, file: file, line: error.source.begin.line, column: error.source.begin.column,
                             message: "not valid TOML: \(error.description)")
        } catch {
            throw ThemeError(.syntax, file: file, message: "not valid TOML: \(error)")
        }
        var document = ThemeDocument(file: file, text: text)
        for key in root.keys {
            guard let value = root[key] else { continue }
            switch key {
            case "inherits":
                guard let parent = value.string, !parent.isEmpty else {
                    throw invalid("inherits", "'inherits' must be the name of a theme, such as \"default\"")
                }
                document.inherits = parent
            case "palette":
                guard let table = value.table else {
                    throw invalid("palette", "[palette] must be a table of names = \"#rrggbb\"")
                }
                document.palette = try palette(table)
            default:
                try collectStyles(at: key, value, into: &document.styles)
            }
        }
        return document
    }

    // MARK: - Palette

    private func palette(_ table: TOMLTable) throws(ThemeError) -> [String: PaletteEntry] {
        var entries: [String: PaletteEntry] = [:]
        for name in table.keys {
            guard let value = table[name] else { continue }
            guard name != "default", !name.hasPrefix("#") else {
                throw invalid(name, "'\(name)' cannot be a palette name: it would read as a colour")
            }
            if let hex = value.string {
                entries[name] = PaletteEntry(rgb: try rgb(hex, key: name), ansi: nil)
            } else if let entry = value.table {
                entries[name] = try paletteTable(entry, name: name)
            } else {
                throw invalid(name, "palette entry '\(name)' must be \"#rrggbb\" or { hex = \"#rrggbb\", ansi = \"cyan\" }, not a \(value.type)")
            }
        }
        return entries
    }

    private func paletteTable(_ table: TOMLTable, name: String) throws(ThemeError) -> PaletteEntry {
        if let extra = table.keys.first(where: { $0 != "hex" && $0 != "ansi" }) {
            throw invalid(name, "palette entry '\(name)' has unknown field '\(extra)' (expected hex and ansi)")
        }
        guard let hex = table["hex"]?.string else {
            throw invalid(name, "palette entry '\(name)' needs hex = \"#rrggbb\"")
        }
        let ansi = try table["ansi"].map { value throws(ThemeError) in try ansiChoice(value, key: name, field: "ansi") }
        return PaletteEntry(rgb: try rgb(hex, key: name), ansi: ansi)
    }

    // MARK: - Styles

    /// Quoted dotted keys (`"ui.statusbar" = {…}`) and nested tables (`[ui.statusbar]`,
    /// bare `ui.statusbar = {…}`) both end up here as one flat key.
    private func collectStyles(at key: String, _ value: TOMLValueConvertible, into styles: inout [String: StyleSpec]) throws(ThemeError) {
        if let colour = value.string {
            try store(StyleSpec(foreground: ColorChannel(color: try colorReference(colour, key: key, field: "fg"))), at: key, in: &styles)
            return
        }
        guard let table = value.table else {
            throw invalid(key, "'\(key)' must be a table such as { fg = \"text\", bg = \"base\" } or a colour, not a \(value.type)")
        }
        let fields = table.keys.filter(Self.styleFields.contains)
        let children = table.keys.filter { !Self.styleFields.contains($0) }
        if !fields.isEmpty || children.isEmpty {
            try store(try style(table, key: key), at: key, in: &styles)
        }
        for child in children {
            guard let childValue = table[child] else { continue }
            let childKey = key + "." + child
            // Beside fg/bg, a string is a misspelt field, not the shorthand for a sub-key.
            guard childValue.table != nil || (childValue.string != nil && fields.isEmpty) else {
                throw invalid(key, "'\(key)' has unknown field '\(child)' (expected \(Self.styleFields.sorted().joined(separator: ", ")))")
            }
            try collectStyles(at: childKey, childValue, into: &styles)
        }
    }

    private func store(_ style: StyleSpec, at key: String, in styles: inout [String: StyleSpec]) throws(ThemeError) {
        guard known.contains(key) else {
            throw ThemeError(.unknownKey, file: file, line: line(key),
                             message: "unknown key '\(key)': rewards-ops has no such part; keys are the names in themes/default.toml (such as ui.statusbar, table.row.selected) or their prefixes")
        }
        guard styles[key] == nil else { throw invalid(key, "'\(key)' is defined twice") }
        styles[key] = style
    }

    private func style(_ table: TOMLTable, key: String) throws(ThemeError) -> StyleSpec {
        var style = StyleSpec()
        if let value = table["fg"] {
            style.foreground = ColorChannel(color: try colorReference(try string(value, key: key, field: "fg"), key: key, field: "fg"))
        }
        if let value = table["bg"] {
            style.background = ColorChannel(color: try colorReference(try string(value, key: key, field: "bg"), key: key, field: "bg"))
        }
        if let value = table["fg16"] {
            guard style.foreground != nil else { throw invalid(key, "'\(key)' sets fg16 without fg; give fg too (fg16 is its 8/16-colour form)") }
            style.foreground?.color16 = try ansiChoice(value, key: key, field: "fg16")
        }
        if let value = table["bg16"] {
            guard style.background != nil else { throw invalid(key, "'\(key)' sets bg16 without bg; give bg too (bg16 is its 8/16-colour form)") }
            style.background?.color16 = try ansiChoice(value, key: key, field: "bg16")
        }
        if let value = table["modifiers"] { style.modifiers = try attributes(value, key: key, field: "modifiers") }
        if let value = table["mono"] { style.monochrome = try attributes(value, key: key, field: "mono") }
        return style
    }

    // MARK: - Values

    private func colorReference(_ text: String, key: String, field: String) throws(ThemeError) -> ColorReference {
        if text == "default" { return .terminalDefault }
        if text.hasPrefix("#") { return .rgb(try rgb(text, key: key)) }
        guard !text.isEmpty else { throw invalid(key, "'\(key)' has an empty \(field)") }
        return .palette(text)
    }

    private func rgb(_ text: String, key: String) throws(ThemeError) -> RGBColor {
        guard let color = RGBColor(hex: text) else {
            throw invalid(key, "'\(text)' in '\(key)' is not a colour; write #rrggbb, for example #1e1e2e")
        }
        return color
    }

    private func ansiChoice(_ value: TOMLValueConvertible, key: String, field: String) throws(ThemeError) -> ANSIChoice {
        let name = try string(value, key: key, field: field)
        if name == "default" { return .terminalDefault }
        guard let color = ANSIColor(name: name) else {
            let names = ANSIColor.allCases.map(\.name).joined(separator: ", ")
            throw invalid(key, "\(field) '\(name)' in '\(key)' is not an ANSI colour; use default or one of \(names)")
        }
        return .color(color)
    }

    private func attributes(_ value: TOMLValueConvertible, key: String, field: String) throws(ThemeError) -> TextAttributes {
        guard let array = value.array else {
            throw invalid(key, "\(field) in '\(key)' must be a list such as [\"bold\", \"reverse\"]")
        }
        var result: TextAttributes = []
        for element in array {
            guard let name = element.string, let attribute = Self.attributeNames[name] else {
                let shown = element.string ?? "a \(element.type)"
                throw invalid(key, "\(field) in '\(key)' has '\(shown)'; use bold, dim, reverse or underline")
            }
            result.insert(attribute)
        }
        return result
    }

    /// helix spells two of them `reversed` and `underlined`; accept both so its habits work.
    private static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "reverse": .reverse, "reversed": .reverse,
        "underline": .underline, "underlined": .underline,
    ]

    private func string(_ value: TOMLValueConvertible, key: String, field: String) throws(ThemeError) -> String {
        guard let text = value.string else { throw invalid(key, "\(field) in '\(key)' must be a string, not a \(value.type)") }
        return text
    }

    private func invalid(_ key: String, _ message: String) -> ThemeError {
        ThemeError(.invalidValue, file: file, line: line(key), message: message)
    }

    private func line(_ key: String) -> Int? {
        SourceLines.line(ofKey: key, in: text)
    }
}
