import Console
import Foundation
import Terminal
import Testing
@testable import Theme

@Suite struct ThemeLoaderTests {
    @Test func userDirectoryFollowsXDG() {
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "/x/config", "HOME": "/home/u"]) == "/x/config/rewards-ops/themes")
        #expect(ThemeLoader.userDirectory(environment: ["HOME": "/home/u"]) == "/home/u/.config/rewards-ops/themes")
        // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
        #expect(ThemeLoader.userDirectory(environment: ["XDG_CONFIG_HOME": "config", "HOME": "/home/u"]) == "/home/u/.config/rewards-ops/themes")
        #expect(ThemeLoader.userDirectory(environment: [:]) == nil)
    }

    @Test func aUserThemeOverridesTheShippedOneOfTheSameName() throws {
        let theme = try TemporaryThemes.with([
            "light": ##""ui.title" = { fg = "#ff0000", mono = ["bold"] }"##,
        ]) { themes in
            let theme = try themes.loader.load("light")
            #expect(theme.files == [themes.path("light")])
            return theme
        }
        #expect(theme.palette[.title].foreground == RGBColor(red: 0xff, green: 0, blue: 0))
    }

    /// A user's `default.toml` may tweak the shipped default by inheriting it.
    @Test func aUserThemeCanInheritTheShippedThemeItShadows() throws {
        try TemporaryThemes.with([
            "default": """
            inherits = "default"
            "ui.background" = { bg = "default", bg16 = "default" }
            """,
        ]) { themes in
            let theme = try themes.loader.load("default")
            #expect(theme.files == [themes.path("default"), "themes/default.toml", "themes/monochrome.toml"])
            // The terminal's own background again (and its transparency).
            #expect(theme.palette[.text].background == nil)
            #expect(theme.palette[.title].foreground == RGBColor(hex: "#5fd7ff"))
        }
    }

    /// Shipped themes inherit shipped themes only: a user file cannot break them.
    @Test func shippedParentsIgnoreUserFiles() throws {
        try TemporaryThemes.with(["monochrome": "\"ui.title\" = { mono = [\"underline\"] }\n"]) { themes in
            let theme = try themes.loader.load("light")
            #expect(theme.files.last == "themes/monochrome.toml")
            #expect(theme.palette[.title].monochrome == .bold)
        }
    }

    @Test func aPathLoadsThatFile() throws {
        try TemporaryThemes.with(["mine": "inherits = \"gruvbox-dark\"\n"]) { themes in
            let theme = try ThemeLoader.shippedOnly.load(themes.path("mine"))
            #expect(theme.name == "mine")
            #expect(theme.files.first == themes.path("mine"))
            #expect(theme.files.dropFirst().first == "themes/gruvbox-dark.toml")
        }
    }

    @Test func availableNamesIncludeUserThemes() throws {
        try TemporaryThemes.with(["zz-mine": "\n"]) { themes in
            let names = themes.loader.availableNames()
            #expect(names.contains("zz-mine"))
            #expect(names.contains("default"))
            #expect(names == names.sorted())
        }
    }
}
