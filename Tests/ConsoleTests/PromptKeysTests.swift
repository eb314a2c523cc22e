import Foundation
import Mirror
import Terminal
import Testing
@testable import Console

/// Keys that never surprise: a prompt keeps its keys while open, and the letters typed right
/// after Backspace closed an empty one are no actions; Tab on `:` lists what it can complete.
@Suite struct PromptKeysTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    func type(_ state: inout AppState, _ text: String) -> [Command] {
        text.flatMap { Update.update(&state, .key(.char($0))) }
    }

    @Test func backspacePastAnEmptyCommandLineClosesItAndTheLettersAfterDoNothing() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"))
        _ = type(&state, "ap")
        #expect(send(&state, .backspace, .backspace).isEmpty)
        #expect(state.commandInput?.text == "")
        #expect(send(&state, .backspace).isEmpty)
        #expect(state.commandInput == nil, "Backspace on the empty line closes it")
        #expect(send(&state, .backspace).isEmpty, "a held Backspace consumes nothing more")
        #expect(type(&state, "approve").isEmpty)
        #expect(state.dialog == nil, "`a` typed on did not start an approval")
        #expect(send(&state, .enter).isEmpty && state.memberDetail == nil, "nor Enter open the row")
        #expect(state.flash?.text.hasPrefix("The prompt is closed") == true)
        #expect(RootView.render(state).lines()[22].hasPrefix("The prompt is closed: keys typed now do nothing"))

        // Once the typing has paused for a second, keys act again.
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(AppState.promptHoldSeconds)))
        #expect(state.promptClosedAt == nil)
        _ = type(&state, "a")
        #expect(state.dialog != nil)
    }

    @Test func theHoldLastsWhileTheTypingGoesOn() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"), .backspace)
        #expect(state.commandInput == nil)
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5)))
        _ = type(&state, "e")  // half a second later: still typing
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1.25)))
        #expect(state.promptClosedAt != nil, "a second has not passed since the last key")
        #expect(type(&state, "e").isEmpty && state.dialog == nil)
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(2.5)))
        _ = type(&state, "e")
        #expect(state.dialog?.verb == .escalate)
    }

    @Test func escEndsTheHoldAndColonOrSlashOpenTheirLineAgain() {
        var state = Fixtures.state()
        _ = send(&state, .char("/"), .backspace)
        #expect(state.filterInput == nil && state.promptClosedAt != nil)
        #expect(send(&state, .escape).isEmpty)
        #expect(state.promptClosedAt == nil && state.flash == nil)
        _ = send(&state, .char("a"))
        #expect(state.dialog != nil, "after Esc keys act at once")
        _ = send(&state, .escape)

        _ = send(&state, .char(":"), .backspace)
        #expect(send(&state, .char(":")).isEmpty)
        #expect(state.commandInput == InputLine(prompt: ":", text: ""), ": opens the line again")
        _ = type(&state, "help")
        _ = send(&state, .enter)
        #expect(state.showHelp)
    }

    @Test func anArrowEndsTheHoldAndMoves() {
        var state = RegistryActionFixtures.tallState()
        _ = send(&state, .char(":"), .backspace)
        _ = send(&state, .down)
        #expect(state.promptClosedAt == nil)
        #expect(state.reviews.list.selected == 13)
    }

    @Test func theFilterPromptKeepsEveryKeyTypedIntoIt() {
        var state = Fixtures.state()
        _ = send(&state, .char("/"))
        let commands = type(&state, "qa eu4:?")
        #expect(state.filterInput?.text == "qa eu4:?")
        #expect(!state.quitRequested && state.dialog == nil && state.pane == .reviews && !state.showHelp)
        #expect(!commands.contains(.quit))
        _ = send(&state, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(state.filterInput?.text == "")
        _ = send(&state, .backspace)
        #expect(state.filterInput == nil)
        #expect(type(&state, "q").isEmpty && !state.quitRequested)
    }

    // MARK: Tab on the command line

    @Test func colonThenTabListsEveryCommandOfThePane() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"), .tab)
        let choices = state.commandInput?.choices ?? []
        let expected = ActionRegistry.available(on: .reviews, readOnly: false).flatMap(\.commands) + ["theme", "profile"]
        #expect(Set(choices) == Set(expected))
        #expect(choices.count == Set(choices).count, "each once")
        #expect(state.commandInput?.text == "", "nothing typed for the operator")
        let screen = RootView.render(state).text()
        #expect(screen.contains("\(choices.count) choices: type more, Tab again"))
        for name in expected {
            #expect(screen.contains(" \(name) "), "\(name) is on screen")
        }
        // The next key is typed as usual, and the list goes.
        _ = type(&state, "ap")
        #expect(state.commandInput?.choices == [])
        _ = send(&state, .tab)
        #expect(state.commandInput?.text == "approve")
    }

    @Test func colonThenTabAtEightyByTwentyFourShowsThemAll() {
        var state = Fixtures.state(columns: 80, rows: 24)
        _ = send(&state, .char(":"), .tab)
        let lines = RootView.render(state).lines()
        for name in state.commandInput?.choices ?? [] {
            #expect(lines.contains { $0.contains(" \(name) ") }, "\(name) is on screen")
        }
        #expect(!lines.joined().contains(" more "), "nothing is left out")
        for line in lines { #expect(TextWidth.columns(line) == 80) }
    }

    @Test func themeSpaceTabListsEveryTheme() {
        var state = Fixtures.state()
        state.themeNames = ["catppuccin-mocha", "default", "gruvbox-dark", "light", "solarized-dark"]
        _ = send(&state, .char(":"))
        _ = type(&state, "them")
        _ = send(&state, .tab)
        #expect(state.commandInput?.text == "theme", "one match")
        _ = type(&state, " ")
        _ = send(&state, .tab)
        #expect(state.commandInput?.choices == state.themeNames.map { "theme \($0)" })
        let screen = RootView.render(state).text()
        for theme in state.themeNames { #expect(screen.contains(" \(theme) ")) }
        _ = type(&state, "g")
        _ = send(&state, .tab)
        #expect(state.commandInput?.text == "theme gruvbox-dark")
        #expect(send(&state, .enter) == [.switchTheme("gruvbox-dark")])
    }
}
