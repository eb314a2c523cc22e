import Testing
@testable import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct MemoryTerminalTests {
    @Test func recordsPresentsKeysAndRawWrites() {
        let terminal = MemoryTerminal(columns: 10, rows: 3)
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
        terminal.enqueue([.char("q"), .ctrl("d")])
        terminal.resize(columns: 20, rows: 5)
        #expect(terminal.size == (20, 5))
        #expect(terminal.readKey(timeoutMilliseconds: 10) == .char("q"))
        #expect(terminal.readKey(timeoutMilliseconds: 10) == .ctrl("d"))
        #expect(terminal.readKey(timeoutMilliseconds: 10) == .resize)
        #expect(terminal.readKey(timeoutMilliseconds: 10) == nil)

        var buffer = ScreenBuffer(columns: 20, rows: 5)
        buffer.put("hello", x: 0, y: 0)
        terminal.present(buffer)
        #expect(terminal.presentCount == 1)
        #expect(terminal.presented?.row(0).hasPrefix("hello") == true)
        terminal.writeRaw("\u{1b}]52;c;eA==\u{07}")
        #expect(terminal.rawWrites.count == 1)
        terminal.shutdown()
        #expect(terminal.isShutDown)
    }
}

@Suite struct NCursesTerminalTests {
    @Test func unsetTermIsReportedBeforeCursesStarts() throws {
        #expect(throws: TerminalError.termUnset) {
            try NCursesTerminal.preflight(term: nil, stdinIsTerminal: true, stdoutIsTerminal: true)
        }
        #expect(throws: TerminalError.termUnset) {
            try NCursesTerminal.preflight(term: "", stdinIsTerminal: true, stdoutIsTerminal: true)
        }
        #expect(throws: TerminalError.notATerminal) {
            try NCursesTerminal.preflight(term: "xterm", stdinIsTerminal: true, stdoutIsTerminal: false)
        }
        #expect(try NCursesTerminal.preflight(term: "xterm", stdinIsTerminal: true, stdoutIsTerminal: true) == "xterm")
    }

    /// The real initialiser, only where it is sure to fail before touching curses.
    @Test(.enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0))
    func realInitThrowsWithoutATerminal() {
        #expect(throws: TerminalError.notATerminal) {
            _ = try NCursesTerminal(sheet: StyleSheet([RoleDefinition("ui.text", basic: RoleColors(foreground: -1, background: -1))]),
                                    monochrome: true)
        }
    }

    @Test func errorsExplainThemselves() {
        #expect(TerminalError.termUnset.description.contains("TERM"))
        #expect(TerminalError.unknownTerminal("vt999").description.contains("vt999"))
    }

    @Test(arguments: [
        (UInt32(13), Key.enter), (10, .enter), (27, .escape), (9, .tab), (127, .backspace),
        (8, .backspace), (4, .ctrl("d")), (1, .ctrl("a")), (26, .ctrl("z")), (0, .ctrl(" ")),
        (97, .char("a")), (0x6F22, .char("漢")), (0x1F44D, .char("👍")),
    ])
    func controlCodes(code: UInt32, key: Key) {
        #expect(KeyDecoder.key(forCharacter: code) == key)
    }

    @Test func c1AndInvalidCodesAreIgnored() {
        #expect(KeyDecoder.key(forCharacter: 0x9B) == nil)
        #expect(KeyDecoder.key(forCharacter: 0xD800) == nil)
    }
}

/// A style sheet names an app's roles; Terminal knows them only by their place in it.
@Suite struct StyleSheetTests {
    let sheet = StyleSheet([
        RoleDefinition("ui.text", basic: RoleColors(foreground: -1, background: -1)),
        RoleDefinition("ui.alert", basic: RoleColors(foreground: 1, background: -1, attributes: .bold), monochrome: .reverse),
    ])

    @Test func rolesAreFoundByKeyAndReadBack() throws {
        let alert = try #require(sheet.role("ui.alert"))
        #expect(sheet.roles == [.plain, alert])
        #expect(sheet[alert].key == "ui.alert")
        #expect(sheet[alert].extended == sheet[alert].basic, "without 256-colour shades, the basic ones")
        #expect(sheet.role("ui.nothing") == nil)
        #expect(sheet[StyleRole(index: 9)].key == "ui.text", "a role of another sheet reads as plain text")
    }

    @Test func aPaletteHasAStyleForEveryRoleOfItsSheet() {
        let palette = TerminalPalette(sheet) { role in RoleStyle(monochrome: sheet[role].monochrome) }
        #expect(palette[StyleRole(index: 1)].monochrome == .reverse)
        #expect(palette[StyleRole(index: 9)] == RoleStyle(), "a role of another sheet has no style")
        #expect(!palette.usesColor)
    }
}
