import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// A LIVE screen is framed: the top and bottom lines take the LIVE badge's role edge to edge,
/// around whatever the panes, overlays and dialogs show. A TEST screen has no frame.
@Suite struct LiveFrameRenderTests {
    static let liveOps = Me(keyId: "mr_live_abcdefghijklmnopqrstuvwx", clubId: "club_nordlicht", clubName: "Nordlicht",
                            environment: .live, role: .ops)

    func render(columns: Int = 120, rows: Int = 24, _ adjust: (inout AppState) -> Void = { _ in }) -> ScreenBuffer {
        var state = Fixtures.state(columns: columns, rows: rows)
        adjust(&state)
        return RootView.render(state)
    }

    /// Most of the line is the frame, and the rest is only what keeps its own meaning: the
    /// selected tab, the status parts (freshness, errors, backlog) and an `ENV?` badge.
    func isFramed(_ buffer: ScreenBuffer, y: Int) -> Bool {
        let roles = buffer.roles(y: y)
        let own: Set<StyleRole> = [.tabActive, .ok, .pending, .warn, .error]
        return roles.allSatisfy { $0 == .badgeLive || own.contains($0) }
            && roles.filter { $0 == .badgeLive }.count > roles.count / 2
    }

    @Test func aLiveScreenIsFramedTopAndBottom() throws {
        let buffer = render { $0.identity = Self.liveOps }
        #expect(isFramed(buffer, y: 0))
        #expect(isFramed(buffer, y: 23))
        #expect(!buffer.roles(y: 0).contains(.tab) && !buffer.roles(y: 0).contains(.title))
        #expect(!buffer.roles(y: 23).contains(.statusBar))
        // The selected tab stays findable without colour, where frame and tab are both reverse.
        let activeTab = (0..<120).filter { buffer[x: $0, y: 0].role == .tabActive }
        let firstTabCell = try #require(activeTab.first)
        #expect(activeTab.allSatisfy { buffer[x: $0, y: 0].underline })
        #expect(!render()[x: firstTabCell, y: 0].underline, "on TEST its reverse video is enough")
    }

    @Test func aTestScreenHasNoFrame() {
        let buffer = render()
        #expect(!buffer.roles(y: 0).contains(.badgeLive))
        #expect(!buffer.roles(y: 23).contains(.badgeLive))
        #expect(buffer.roles(y: 0).contains(.tab) && buffer.roles(y: 23).contains(.statusBar))
    }

    @Test func theFrameMovesNothingAt80By24() {
        let test = render(columns: 80).lines()
        let live = render(columns: 80) { $0.identity = Self.liveOps }.lines()
        #expect(live.count == 24)
        #expect(Array(live[1...22]) == Array(test[1...22]), "every pane keeps its rows and columns")
        #expect(live[0] == test[0].replacingOccurrences(of: "TEST", with: "LIVE"))
        #expect(live[23].hasPrefix(" LIVE ") && live[23].contains("● live"))
        for line in live { #expect(TextWidth.columns(line) == 80) }
    }

    @Test func theFrameStaysAroundHelpAndTheTypedConfirmation() {
        let help = render(columns: 80) { state in
            state.identity = Self.liveOps
            state.showHelp = true
        }
        #expect(isFramed(help, y: 0) && isFramed(help, y: 23))

        var state = Fixtures.state(columns: 80)
        state.identity = Self.liveOps
        _ = Update.update(&state, .key(.char("a")))
        let dialog = RootView.render(state)
        #expect(dialog.text().contains("LIVE platform. Type"))
        #expect(isFramed(dialog, y: 0) && isFramed(dialog, y: 23))
        #expect(dialog.lines().contains { $0.contains("┌") }, "the dialog keeps its own LIVE border inside the frame")
    }

    @Test func beforeMeAnswersTheKeyOrTheProfileSaysLive() {
        let byKey = render { state in
            state.identity = nil
            state.environmentHint = .live
        }
        #expect(isFramed(byKey, y: 0))
        let byProfile = render { state in
            state.identity = nil
            state.environmentHint = nil
            state.expectedEnvironment = .live
        }
        #expect(isFramed(byProfile, y: 0) && isFramed(byProfile, y: 23))
    }

    @Test func aTestKeyOnALiveProfileShowsTheMismatchNotTheFrame() {
        // The key decides what decisions would touch; the mismatch itself blocks them and is
        // shouted in the status line.
        let buffer = render { $0.expectedEnvironment = .live }
        #expect(!buffer.roles(y: 0).contains(.badgeLive))
        #expect(buffer.lines()[23].contains("KEY IS TEST, PROFILE SAYS LIVE"))
    }

    @Test func anUnknownEnvironmentIsFramedLikeLive() {
        let buffer = render { state in
            state.identity = Me(keyId: "mr_test_abcdefghijklmnopqrstuvwx", clubId: "club_x", clubName: "X",
                                environment: Environment(rawValue: "staging"), role: .ops)
        }
        #expect(isFramed(buffer, y: 0))
    }
}
