import Console
import Terminal
import Testing
import Theme

@Suite struct ColorMappingTests {
    @Test(arguments: [
        ("#000000", 16), ("#ffffff", 231), ("#ff0000", 196), ("#808080", 244), ("#5fd7ff", 81),
        ("#121212", 233), ("#eeeeee", 255),
        // Not in the table: the nearest-looking entry.
        ("#002b36", 235), ("#268bd2", 32), ("#fabd2f", 214), ("#7f7f7f", 244), ("#010101", 16),
    ])
    func nearestXterm256(hex: String, index: Int) throws {
        let color = try #require(RGBColor(hex: hex))
        #expect(color.nearestXterm256 == index)
    }

    @Test func everyTableColourMapsToItself() throws {
        for index in 16...255 {
            let color = try #require(RGBColor(xterm256: index))
            #expect(color.nearestXterm256 == index)
        }
        #expect(RGBColor(xterm256: 15) == nil)
    }

    @Test func hexParsing() {
        #expect(RGBColor(hex: "#1E1e2E") == RGBColor(red: 0x1e, green: 0x1e, blue: 0x2e))
        #expect(RGBColor(hex: "#1e1e2e")?.description == "#1e1e2e")
        for bad in ["1e1e2e", "#1e1e2", "#1e1e2eff", "#gggggg", ""] { #expect(RGBColor(hex: bad) == nil, "\(bad)") }
    }

    @Test func nearestANSI() throws {
        #expect(ANSIColor.nearest(to: try #require(RGBColor(hex: "#d70000"))) == .red)
        #expect(ANSIColor.nearest(to: try #require(RGBColor(hex: "#121212"))) == .black)
        #expect(ANSIColor.nearest(to: try #require(RGBColor(hex: "#fafafa"))) == .brightWhite)
        #expect(ANSIColor.nearest(to: try #require(RGBColor(hex: "#121212")), excluding: .black) != .black)
        #expect(ANSIColor(name: "bright-magenta") == .brightMagenta)
        #expect(ANSIColor(name: "purple") == nil)
    }

    /// 256 colours use the RGB value, 16 the ANSI one, 8 folds bright colours down.
    @Test func colourIndicesPerTerminalDepth() {
        let palette = TerminalPalette(ConsoleStyles.sheet) { role in
            role == .title
                ? RoleStyle(foreground: RGBColor(red: 255, green: 0, blue: 0), background: nil,
                            foreground16: .brightRed, background16: .brightBlack)
                : RoleStyle(foreground: nil, background: nil, foreground16: .brightBlack, background16: nil)
        }
        #expect(palette.colorIndices(for: .title, colorCount: 256) == (196, -1))
        #expect(palette.colorIndices(for: .title, colorCount: 16) == (9, 8))
        #expect(palette.colorIndices(for: .title, colorCount: 8) == (1, 0))
        // Grey text would vanish as black on 8 colours: it becomes white.
        #expect(palette.colorIndices(for: .help, colorCount: 8) == (7, -1))
        #expect(palette.usesColor)
        #expect(!TerminalPalette(ConsoleStyles.sheet) { _ in RoleStyle(monochrome: .bold) }.usesColor)
    }

    @Test func wcagContrastRatios() throws {
        let black = RGBColor(red: 0, green: 0, blue: 0), white = RGBColor(red: 255, green: 255, blue: 255)
        #expect(abs(Contrast.ratio(black, white) - 21) < 0.001)
        #expect(Contrast.ratio(white, white) == 1)
        // #767676 on white is the well-known smallest grey that passes AA (4.54:1).
        let grey = try #require(RGBColor(hex: "#767676"))
        #expect(abs(Contrast.ratio(grey, white) - 4.54) < 0.01)
        #expect(Contrast.minimum(for: ConsoleStyles.sheet[.border]) == 3)
        #expect(Contrast.minimum(for: ConsoleStyles.sheet[.rowSelected]) == 4.5)
    }
}
