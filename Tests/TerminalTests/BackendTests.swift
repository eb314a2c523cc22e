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
            _ = try NCursesTerminal(monochrome: true)
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

    @Test func monochromeStillSeparatesKeyRoles() {
        #expect(RolePalette.monochrome(.rowSelected).contains(.reverse))
        #expect(RolePalette.monochrome(.tabActive).contains(.reverse))
        #expect(RolePalette.monochrome(.dialogButtonFocus).contains(.reverse))
        #expect(RolePalette.monochrome(.title).contains(.bold))
        #expect(RolePalette.monochrome(.tableHeader).contains(.bold))
        #expect(RolePalette.monochrome(.textDim).contains(.dim))
        #expect(RolePalette.monochrome(.badgeLive) == [.reverse, .bold])
    }

    @Test func basicPaletteFitsEightColours() {
        for role in StyleRole.allCases {
            let colors = RolePalette.basic(role)
            #expect((-1...7).contains(colors.foreground) && (-1...7).contains(colors.background), "\(role)")
            let extended = RolePalette.extended(role)
            #expect((-1...255).contains(extended.foreground) && (-1...255).contains(extended.background), "\(role)")
        }
    }

    @Test func roleKeysAreStable() {
        #expect(StyleRole.allCases.count == 29)
        #expect(StyleRole(rawValue: "table.row.selected") == .rowSelected)
        #expect(Set(StyleRole.allCases.map(\.rawValue)).count == StyleRole.allCases.count)
    }
}
