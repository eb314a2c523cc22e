import Testing
@testable import Theme

/// Theme files are user input: every mistake must say which file, and where.
@Suite struct ThemeErrorTests {
    private func error(loading name: String, from files: [String: String]) throws -> (ThemeError, TemporaryThemes) {
        let themes = try TemporaryThemes(files)
        defer { themes.remove() }
        do {
            _ = try themes.loader.load(name)
        } catch {
            return (error, themes)
        }
        Issue.record("\(name) loaded, but should not have")
        return (ThemeError(.notFound, file: "", message: ""), themes)
    }

    @Test func anInheritsCycleNamesItsFiles() throws {
        let (error, themes) = try error(loading: "a", from: [
            "a": "inherits = \"b\"\n",
            "b": "# comment\ninherits = \"a\"\n",
        ])
        #expect(error.kind == .inheritanceCycle)
        #expect(error.file == themes.path("b"))
        #expect(error.line == 2)
        #expect(error.description.contains("\(themes.path("a")) → \(themes.path("b")) → \(themes.path("a"))"))
    }

    @Test func anUnknownPaletteNameNamesTheFileAndKey() throws {
        let (error, themes) = try error(loading: "typo", from: [
            "typo": """
            inherits = "default"

            "ui.statusbar" = { fg = "text", bg = "mantel" }
            """,
        ])
        #expect(error.kind == .unknownPaletteName)
        #expect(error.file == themes.path("typo"))
        #expect(error.line == 3)
        #expect(error.description.contains("'mantel'"))
        #expect(error.description.contains("ui.statusbar"))
    }

    @Test func badTOMLGivesFileAndLine() throws {
        let (error, themes) = try error(loading: "broken", from: [
            "broken": """
            inherits = "default"
            "ui.title" = { fg = "text"
            """,
        ])
        #expect(error.kind == .syntax)
        #expect(error.file == themes.path("broken"))
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("\(themes.path("broken")):2:"))
    }

    /// TOMLKit aborts the whole process on these (toml++ asserts): a theme must not take the
    /// console down with it.
    @Test(arguments: ["[", "[[[", "[#", "[.palette]", "  ["])
    func aTableHeaderWithoutANameIsASyntaxErrorNotACrash(header: String) throws {
        let (error, themes) = try error(loading: "nameless", from: ["nameless": "inherits = \"default\"\n\(header)\n"])
        #expect(error.kind == .syntax)
        #expect(error.file == themes.path("nameless"))
        #expect(error.line == 2)
        #expect(error.description.contains("a table header needs a name"))
    }

    @Test func anUnknownKeyIsReported() throws {
        let (error, themes) = try error(loading: "keys", from: [
            "keys": "\n\"table.row.selceted\" = { fg = \"#ffffff\" }\n",
        ])
        #expect(error.kind == .unknownKey)
        #expect(error.file == themes.path("keys"))
        #expect(error.line == 2)
        #expect(error.description.contains("table.row.selceted"))
    }

    @Test(arguments: [
        ("\"ui.text\" = { fg = \"#12345\" }", "not a colour"),
        ("\"ui.text\" = { fg = \"#ffffff\", fg16 = \"orange\" }", "not an ANSI colour"),
        ("\"ui.text\" = { fg16 = \"red\" }", "without fg"),
        ("\"ui.text\" = { modifiers = [\"italic\"] }", "use bold, dim, reverse or underline"),
        ("\"ui.text\" = { fg = \"#ffffff\", colour = \"red\" }", "unknown field 'colour'"),
        ("\"ui.text\" = { fg = 12 }", "must be a string"),
        ("inherits = 3", "must be the name of a theme"),
        ("[palette]\ndefault = \"#000000\"", "cannot be a palette name"),
    ])
    func badValuesAreExplained(text: String, expected: String) throws {
        let (error, themes) = try error(loading: "bad", from: ["bad": text])
        #expect(error.kind == .invalidValue)
        #expect(error.file == themes.path("bad"))
        #expect(error.line != nil)
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test func aMissingThemeListsTheAvailableOnes() throws {
        let (error, _) = try error(loading: "nope", from: [:])
        #expect(error.kind == .notFound)
        #expect(error.description.contains("solarized-dark"))
    }

    @Test func aMissingParentNamesTheChild() throws {
        let (error, themes) = try error(loading: "orphan", from: ["orphan": "inherits = \"nope\"\n"])
        #expect(error.kind == .notFound)
        #expect(error.file == themes.path("orphan"))
        #expect(error.line == 1)
    }

    @Test func aNameCannotLeaveTheThemeDirectory() throws {
        #expect(throws: ThemeError.self) { try ThemeLoader.shippedOnly.load(".hidden") }
        do {
            _ = try ThemeLoader.shippedOnly.load("bad name")
        } catch {
            #expect(error.kind == .invalidName)
        }
    }
}
