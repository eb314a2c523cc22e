import Console
import Terminal
import Testing
@testable import Theme

@Suite struct ResolutionTests {
    let red = RGBColor(red: 0xff, green: 0, blue: 0)
    let blue = RGBColor(red: 0, green: 0, blue: 0xff)

    @Test func aMissingKeyTakesItsLongestPrefix() throws {
        let theme = try TemporaryThemes.with([
            "rows": """
            "table.row" = { fg = "#ff0000", bg = "#0000ff", modifiers = ["bold"], mono = ["underline"] }
            "table" = { fg = "#00ff00" }
            """,
        ]) { try $0.loader.load("rows") }
        let selected = theme.palette[.rowSelected]
        #expect(selected.foreground == red)
        #expect(selected.background == blue)
        #expect(selected.attributes == .bold)
        #expect(selected.monochrome == .underline)
        #expect(theme.origins[.rowSelected] == StyleOrigin(foreground: "table.row", background: "table.row",
                                                           modifiers: "table.row", monochrome: "table.row"))
        // table.header has no key of its own: `table` is the longest prefix.
        #expect(theme.palette[.tableHeader].foreground == RGBColor(red: 0, green: 0xff, blue: 0))
    }

    /// Each part is looked up on its own: a key that sets only bg keeps the fg of
    /// its prefix, and text without a bg sits on ui.background.
    @Test func partsFallBackSeparately() throws {
        let theme = try TemporaryThemes.with([
            "parts": """
            "ui.background" = { bg = "#000000" }
            "ui.text" = { fg = "#ffffff", mono = [] }
            "table.row" = { fg = "#ff0000" }
            "table.row.selected" = { bg = "#0000ff", mono = ["reverse"] }
            """,
        ]) { try $0.loader.load("parts") }
        #expect(theme.palette[.rowSelected].foreground == red)
        #expect(theme.palette[.rowSelected].background == blue)
        #expect(theme.palette[.ok].foreground == RGBColor(red: 0xff, green: 0xff, blue: 0xff))
        #expect(theme.palette[.ok].background == RGBColor(red: 0, green: 0, blue: 0))
        #expect(theme.origins[.ok]?.background == "ui.background")
    }

    /// As in helix, palette names are looked up after merging, so a child that only
    /// replaces palette colours recolours every key it inherits.
    @Test func aChildPaletteRecoloursInheritedKeys() throws {
        let theme = try TemporaryThemes.with([
            "base": """
            [palette]
            accent = "#ff0000"
            [ui.title]
            fg = "accent"
            mono = ["bold"]
            """,
            "child": """
            inherits = "base"
            [palette]
            accent = "#0000ff"
            """,
        ]) { try $0.loader.load("child") }
        #expect(theme.palette[.title].foreground == blue)
        #expect(theme.palette[.title].monochrome == .bold)
        #expect(theme.files.count == 2)
    }

    /// A child replaces parts of a key, not the whole key: recolouring keeps the
    /// inherited modifiers and mono form, and fg brings its own 16-colour form.
    @Test func aChildKeyReplacesOnlyThePartsItSets() throws {
        let theme = try TemporaryThemes.with([
            "base": """
            "ui.statusbar" = { fg = "#ffffff", fg16 = "black", bg = "#303030", modifiers = ["bold"], mono = ["reverse"] }
            """,
            "child": """
            inherits = "base"
            "ui.statusbar" = { fg = "#ff0000" }
            """,
        ]) { try $0.loader.load("child") }
        let style = theme.palette[.statusBar]
        #expect(style.foreground == red)
        #expect(style.foreground16 == .brightRed)
        #expect(style.background == RGBColor(red: 0x30, green: 0x30, blue: 0x30))
        #expect(style.attributes == .bold)
        #expect(style.monochrome == .reverse)
    }

    @Test func paletteAnsiAndKeyFg16ChooseTheSixteenColourForm() throws {
        let theme = try TemporaryThemes.with([
            "ansi": """
            "ui.title" = { fg = "sea" }
            "ui.help" = { fg = "sea", fg16 = "bright-blue" }
            "ui.input" = { fg = "default", bg = "#005f87" }
            [palette]
            sea = { hex = "#005f87", ansi = "cyan" }
            """,
        ]) { try $0.loader.load("ansi") }
        #expect(theme.palette[.title].foreground16 == .cyan)
        #expect(theme.palette[.help].foreground16 == .brightBlue)
        #expect(theme.palette[.input].foreground == nil)
        #expect(theme.palette[.input].foreground16 == nil)
    }

    /// A derived fallback that equals the background's would hide the text.
    @Test func aDerivedSixteenColourFormAvoidsTheBackground() throws {
        let theme = try TemporaryThemes.with([
            "close": """
            "ui.text" = { fg = "#0000d7", bg = "#0000ee" }
            """,
        ]) { try $0.loader.load("close") }
        let style = theme.palette[.text]
        #expect(style.background16 == .blue)
        #expect(style.foreground16 != .blue)
    }

    /// helix writes keys quoted; TOML also allows nested tables and bare dotted keys.
    @Test func nestedTablesAndShorthandAreTheSameKeys() throws {
        let theme = try TemporaryThemes.with([
            "nested": """
            ui.title = { fg = "#ff0000" }
            "log.code" = "#0000ff"
            [table.row]
            fg = "#ff0000"
            selected = { bg = "#0000ff" }
            """,
        ]) { try $0.loader.load("nested") }
        #expect(theme.palette[.title].foreground == red)
        #expect(theme.palette[.logCode].foreground == blue)
        #expect(theme.palette[.rowSelected].foreground == red)
        #expect(theme.palette[.rowSelected].background == blue)
    }

    @Test func helixModifierSpellingsAreAccepted() throws {
        let theme = try TemporaryThemes.with([
            "helixish": #""ui.title" = { modifiers = ["reversed", "underlined"], mono = ["dim"] }"#,
        ]) { try $0.loader.load("helixish") }
        #expect(theme.palette[.title].attributes == [.reverse, .underline])
        #expect(theme.palette[.title].monochrome == .dim)
    }
}
