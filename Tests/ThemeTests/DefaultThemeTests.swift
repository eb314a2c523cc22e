@testable import Terminal
import Console
import Testing
import Theme

/// `default` must look like the console's built-in colours (`ConsoleStyles.sheet`) that came before
/// themes. The differences are deliberate and listed here.
@Suite struct DefaultThemeTests {
    let theme: Theme

    init() throws {
        theme = try ThemeLoader.shippedOnly.load("default")
    }

    /// The screen is painted #121212 (xterm 233) instead of the terminal's own
    /// background, so contrast can be guaranteed; borders are 242, not 240, to reach 3:1.
    @Test func twoFiftySixColoursMatchTheBuiltInPalette() {
        for role in ConsoleStyles.sheet.roles {
            let builtIn = ConsoleStyles.sheet[role].extended
            let indices = theme.palette.colorIndices(for: role, colorCount: 256)
            let expectedForeground = role == .border ? 242 : (builtIn.foreground < 0 ? 252 : builtIn.foreground)
            let expectedBackground = builtIn.background < 0 ? 233 : builtIn.background
            #expect(indices.foreground == expectedForeground, "\(key(role))")
            #expect(indices.background == expectedBackground, "\(key(role))")
            #expect(theme.palette[role].attributes == builtIn.attributes, "\(key(role))")
        }
    }

    /// On 8/16 colours the terminal's own background stays, as before. The built-in
    /// palette also dimmed ui.text.dim and underlined ui.input there; a theme has one
    /// set of modifiers for all colour depths, and those were dropped (the colours
    /// alone tell the roles apart; the monochrome forms keep dim and underline).
    @Test func sixteenColoursMatchTheBuiltInPalette() {
        for role in ConsoleStyles.sheet.roles {
            let builtIn = ConsoleStyles.sheet[role].basic
            let indices = theme.palette.colorIndices(for: role, colorCount: 16)
            #expect(indices.foreground == builtIn.foreground, "\(key(role))")
            #expect(indices.background == builtIn.background, "\(key(role))")
        }
    }

    @Test func monochromeFormsMatchTheBuiltInOnes() {
        for role in ConsoleStyles.sheet.roles {
            #expect(theme.palette[role].monochrome == ConsoleStyles.sheet[role].monochrome, "\(key(role))")
        }
    }
}
