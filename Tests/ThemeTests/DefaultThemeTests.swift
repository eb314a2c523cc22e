@testable import Terminal
import Testing
import Theme

/// `default` must look like the built-in palette (`RolePalette`) that came before
/// themes. The differences are deliberate and listed here.
@Suite struct DefaultThemeTests {
    let theme: Theme

    init() throws {
        theme = try ThemeLoader.shippedOnly.load("default")
    }

    /// The screen is painted #121212 (xterm 233) instead of the terminal's own
    /// background, so contrast can be guaranteed; borders are 242, not 240, to reach 3:1.
    @Test func twoFiftySixColoursMatchTheBuiltInPalette() {
        for role in StyleRole.allCases {
            let builtIn = RolePalette.extended(role)
            let indices = theme.palette.colorIndices(for: role, colorCount: 256)
            let expectedForeground = role == .border ? 242 : (builtIn.foreground < 0 ? 252 : builtIn.foreground)
            let expectedBackground = builtIn.background < 0 ? 233 : builtIn.background
            #expect(indices.foreground == expectedForeground, "\(role.rawValue)")
            #expect(indices.background == expectedBackground, "\(role.rawValue)")
            #expect(theme.palette[role].attributes == builtIn.attributes, "\(role.rawValue)")
        }
    }

    /// On 8/16 colours the terminal's own background stays, as before. The built-in
    /// palette also dimmed ui.text.dim and underlined ui.input there; a theme has one
    /// set of modifiers for all colour depths, and those were dropped (the colours
    /// alone tell the roles apart; the monochrome forms keep dim and underline).
    @Test func sixteenColoursMatchTheBuiltInPalette() {
        for role in StyleRole.allCases {
            let builtIn = RolePalette.basic(role)
            let indices = theme.palette.colorIndices(for: role, colorCount: 16)
            #expect(indices.foreground == builtIn.foreground, "\(role.rawValue)")
            #expect(indices.background == builtIn.background, "\(role.rawValue)")
        }
    }

    @Test func monochromeFormsMatchTheBuiltInOnes() {
        for role in StyleRole.allCases {
            #expect(theme.palette[role].monochrome == RolePalette.monochrome(role), "\(role.rawValue)")
        }
    }
}
