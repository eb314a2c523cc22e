import Console
import Foundation
import Terminal
import Testing
@testable import Theme

@Suite struct ShippedThemesTests {
    static let names = ShippedThemes.sources.keys.sorted()

    @Test func theIssuesThemesAreShipped() {
        let required = ["default", "light", "high-contrast", "monochrome", "solarized-dark", "gruvbox-dark"]
        for name in required { #expect(ShippedThemes.sources[name] != nil, "missing \(name)") }
    }

    @Test(arguments: names)
    func loadsWithItsParents(name: String) throws {
        let theme = try ThemeLoader.shippedOnly.load(name)
        #expect(theme.name == name)
        #expect(theme.files.first == "themes/\(name).toml")
        // Everything ends at monochrome, which holds the attribute-only forms.
        #expect(theme.files.last == "themes/monochrome.toml")
    }

    /// Each role gets its monochrome form from a key of the theme (exact or prefix),
    /// and, except in monochrome, a concrete foreground and background.
    @Test(arguments: names)
    func everyRoleResolves(name: String) throws {
        let theme = try ThemeLoader.shippedOnly.load(name)
        for role in ConsoleStyles.sheet.roles {
            let origin = try #require(theme.origins[role])
            let mono = try #require(origin.monochrome, "\(name): \(key(role)) has no mono form")
            #expect(ThemeKeys.prefixes(of: key(role)).contains(mono) || mono == "ui.text", "\(name): \(key(role)) ← \(mono)")
            guard name != "monochrome" else { continue }
            #expect(theme.palette[role].foreground != nil, "\(name): \(key(role)) has no fg")
            #expect(theme.palette[role].background != nil, "\(name): \(key(role)) has no bg")
        }
        #expect(theme.palette.usesColor == (name != "monochrome"))
    }

    @Test(arguments: names.filter { $0 != "monochrome" })
    func textMeetsWCAGContrast(name: String) throws {
        let theme = try ThemeLoader.shippedOnly.load(name)
        let issues = theme.contrastIssues()
        #expect(issues.isEmpty, "\(name): \(issues.map(\.description).joined(separator: "; "))")
    }

    @Test func highContrastMeetsAAA() throws {
        let theme = try ThemeLoader.shippedOnly.load("high-contrast")
        let issues = theme.contrastIssues(scale: 7 / 4.5)
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "; "))")
    }

    /// The 16 ANSI colours are the user's, so contrast cannot be measured there; but
    /// text on its own background colour is invisible in any scheme.
    @Test(arguments: names)
    func sixteenColourTextNeverSitsOnItsOwnColour(name: String) throws {
        let theme = try ThemeLoader.shippedOnly.load(name)
        for role in ConsoleStyles.sheet.roles {
            let style = theme.palette[role]
            guard let foreground = style.foreground16, let background = style.background16 else { continue }
            #expect(foreground != background, "\(name): \(key(role)) is \(foreground.name) on \(background.name)")
        }
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let theme = try ThemeLoader.shippedOnly.load("monochrome")
        #expect(theme.palette[.rowSelected].monochrome == .reverse)
        #expect(theme.palette[.badgeLive].monochrome == [.reverse, .bold])
        #expect(theme.palette[.ok].monochrome == [])
        #expect(theme.origins[.ok]?.monochrome == "ui.text")
    }

    /// Themes edited in themes/ must reach the binary: the embedded copies are compared
    /// byte for byte. With REGENERATE_SHIPPED_THEMES=1 the test rewrites
    /// Sources/Theme/ShippedThemes.swift from themes/ instead of failing.
    @Test func embeddedCopiesEqualTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.themes.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        var onDisk: [String: String] = [:]
        for file in files {
            let data = try Data(contentsOf: Repository.themes.appendingPathComponent(file))
            onDisk[String(file.dropLast(".toml".count))] = String(decoding: data, as: UTF8.self)
            // Decoding would hide invalid bytes; the comparison below is on bytes.
            #expect(Array(String(decoding: data, as: UTF8.self).utf8) == Array(data), "\(file) is not valid UTF-8")
        }
        if ProcessInfo.processInfo.environment["REGENERATE_SHIPPED_THEMES"] == "1", onDisk != ShippedThemes.sources {
            let target = Repository.root.appendingPathComponent("Sources/Theme/ShippedThemes.swift")
            try Data(ShippedThemesSource.render(onDisk).utf8).write(to: target)
            Issue.record("regenerated \(target.path); rebuild and run the tests again")
            return
        }
        #expect(Set(onDisk.keys) == Set(ShippedThemes.sources.keys), "themes/ and ShippedThemes.swift list different themes")
        for (name, text) in onDisk {
            #expect(Array(ShippedThemes.sources[name, default: ""].utf8) == Array(text.utf8),
                    "themes/\(name).toml differs from its embedded copy; run REGENERATE_SHIPPED_THEMES=1 swift test --filter ShippedThemesTests")
        }
    }
}

/// Writes Sources/Theme/ShippedThemes.swift: one raw string literal per file. The
/// closing delimiter sits in column 0, so no indentation is stripped, and the blank
/// line before it keeps the file's final newline.
enum ShippedThemesSource {
    static func render(_ themes: [String: String]) -> String {
        var lines = [
            "// Generated from themes/*.toml by ShippedThemesTests; do not edit by hand.",
            "// After changing a theme: REGENERATE_SHIPPED_THEMES=1 swift test --filter ShippedThemesTests",
            "",
            "/// The shipped themes, compiled in so an installed binary finds them without the",
            "/// source tree or a resource bundle. A test fails whenever this differs from themes/.",
            "public enum ShippedThemes {",
            "    /// Theme name → the exact text of themes/NAME.toml.",
            "    public static let sources: [String: String] = [",
        ]
        for name in themes.keys.sorted() {
            lines.append("        \"\(name)\": #\"\"\"\n\(themes[name, default: ""])\n\"\"\"#,")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }
}
