import Foundation
import Terminal
import Testing
@testable import Console

/// What effects ask of the terminal happens on the UI loop's thread, and its outcome comes
/// back as a message: the copy's escape is written there, a theme is applied there.
@Suite struct TerminalEffectsTests {
    struct Themes: ThemeCatalog {
        let names = ["default", "gruvbox-dark"]

        func palette(named name: String) throws -> TerminalPalette {
            guard name == "gruvbox-dark" else { throw SessionFixtures.Refusal(description: "no theme named \"\(name)\"") }
            return SessionFixtures.palette(7)
        }
    }

    func runtime(_ terminal: MemoryTerminal, themes: (any ThemeCatalog)? = Themes()) throws
        -> (ConsoleRuntime, SessionParts) {
        let parts = try SessionFixtures.parts(profile: "staging")
        return (ConsoleRuntime(terminal: terminal, parts: parts, services: SessionServices(themes: themes)), parts)
    }

    @Test func aCopyIsWrittenToTheTerminalByTheUILoop() async throws {
        let terminal = MemoryTerminal(columns: 100, rows: 30)
        let (runtime, parts) = try runtime(terminal)
        defer { SessionFixtures.cleanUp(parts) }
        runtime.dispatch(.key(.char("1")))
        runtime.dispatch(.windowLoaded(pane: .members, generation: runtime.state.members.list.generation,
                                       rows: PaneWindow(Fixtures.rows(Fixtures.members, key: \.id)), select: .index(0),
                                       outbox: [:]))
        runtime.dispatch(.key(.char("y")))
        #expect(terminal.rawWrites.isEmpty, "nothing is written until the loop carries it out")
        #expect(await runtime.step { _ in !terminal.rawWrites.isEmpty })
        #expect(terminal.rawWrites == [Clipboard.osc52("mem_001")])
    }

    @Test func aThemeIsAppliedByTheUILoopAndSaysSo() async throws {
        let terminal = MemoryTerminal(columns: 100, rows: 30)
        let (runtime, parts) = try runtime(terminal)
        defer { SessionFixtures.cleanUp(parts) }
        #expect(runtime.state.themeNames == ["default", "gruvbox-dark"])
        runtime.type("theme gruvbox-dark")
        #expect(await runtime.step { $0.flash?.text == "Theme gruvbox-dark" })
        #expect(runtime.state.flash?.level == .success)
        #expect(terminal.appliedPalettes == [SessionFixtures.palette(7)])
        runtime.type("theme nope")
        #expect(await runtime.step { $0.flash?.level == .error })
        #expect(runtime.state.flash?.text == "no theme named \"nope\"")
        #expect(terminal.appliedPalettes.count == 1, "a theme that cannot load changes nothing")
    }

    @Test func withoutThemesTheSwitchSaysSo() async throws {
        let terminal = MemoryTerminal(columns: 100, rows: 30)
        let (runtime, parts) = try runtime(terminal, themes: nil)
        defer { SessionFixtures.cleanUp(parts) }
        runtime.type("theme light")
        #expect(await runtime.step { $0.flash?.level == .error })
        #expect(runtime.state.flash?.text == "Themes cannot be switched here")
    }
}
