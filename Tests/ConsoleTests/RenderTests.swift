import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal
import Testing
@testable import Console

/// Each pane drawn into the in-memory screen and compared as text.
@Suite struct RenderTests {
    func screen(_ pane: PaneID, _ adjust: (inout AppState) -> Void = { _ in }) -> [String] {
        var state = Fixtures.state()
        state.pane = pane
        adjust(&state)
        return RootView.render(state).text().components(separatedBy: "\n")
    }

    @Test func membersPane() {
        let lines = screen(.members)
        #expect(lines[0] == " rewards-ops  1 Members 4   2 Redemptions 2   3 Review queue 3   4 Error log 2                                     TEST")
        #expect(lines[1] == "ID      Name            Email                                                  Status     Available   Pending   Lifetime")
        #expect(lines[2] == "mem_001 Zoë Åsheim      mem_001@example.org                                    active         1,250        10      1,750")
        #expect(lines[3] == "mem_002 鈴木 一郎       mem_002@example.org                                    active           120        10        620")
        #expect(lines[4] == "mem_003 �Red Alert�evil mem_003@example.org                                    suspended          0        10        500")
        #expect(lines[5] == "mem_004 Ana 🌟 Silva    mem_004@example.org                                    active     1,234,567        10  1,235,067")
        #expect(lines[23] == " TEST  │ ● live │ outbox 0 │ Nordlicht (club_nordlicht) │ ops                                            ? help  q quit")
    }

    @Test func redemptionsPane() {
        let lines = screen(.redemptions)
        #expect(lines[1] == "ID        Age Status           Member          Points           Cash Tries Last error                     Action")
        #expect(lines[2] == "red_001    1h payout_failed    Zoë Åsheim       2,000      20.00 EUR     2 payout_rejected")
        #expect(lines[3] == "red_002    1m pending_approval Ana 🌟 Silva    15,000     150.00 EUR     0")
    }

    @Test func reviewQueuePane() {
        let lines = screen(.reviews)
        #expect(lines[1] == "ID      Status      Age Kind     Reason                 Requested Available    Short Member           Lvl Action")
        #expect(lines[2] == "rev_001 open         2h reversal manual_review_required       500       120      380 鈴木 一郎          0")
        #expect(lines[3] == "rev_002 open         5m reversal manual_review_required        80       400        0 Zoë Åsheim         0")
        #expect(lines[4] == "rev_003 escalated    2d reversal manual_review_required       900         0      900 mem_002            2")
    }

    @Test func errorLogPane() {
        let lines = screen(.errors) { $0.errors.extra.mode = .rows }
        #expect(lines[1] == "Age HTTP Code                        Retry Method Path                     Message                          Request ID")
        #expect(lines[2] == " 2m  422 insufficient_points_balance no    POST   /v1/redemptions          The member does not have enough… req_AAAA1111")
        #expect(lines[3] == " 1h  503 unavailable                 yes   POST   /v1/transactions/settled �try later                       req_BBBB2222")
    }

    @Test func hostileServerStringsNeverReachTheScreenAsControls() {
        for pane in PaneTable.ids {
            let buffer = RootView.render({ var state = Fixtures.state(); state.pane = pane; return state }())
            for line in buffer.lines() {
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) })
                #expect(!line.unicodeScalars.contains { (0x202a...0x202e).contains($0.value) })
                #expect(TextWidth.columns(line) == 120, "every line fills the screen exactly: \(line)")
            }
        }
    }

    @Test func selectedRowIsHighlighted() {
        var state = Fixtures.state()
        state.reviews.list.selected = 1
        let buffer = RootView.render(state)
        #expect(buffer.roles(y: 3).allSatisfy { $0 == .rowSelected })
        #expect(buffer.roles(y: 2).contains(.queueOpen))
    }

    @Test func confirmDialogSaysWhatWillHappenWithCancelFocused() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("a")))
        let text = RootView.render(state).text()
        #expect(text.contains("Confirm approval"))
        #expect(text.contains("Approve review rev_001"))
        #expect(text.contains("requested 500 pts, available 120, shortfall 380"))
        #expect(text.contains("[ Cancel ]  [ Approve ]"))
        let buttonsLine = RootView.render(state).lines().firstIndex { $0.contains("[ Cancel ]") } ?? 0
        let roles = RootView.render(state).roles(y: buttonsLine)
        #expect(roles.contains(.dialogButtonFocus))
    }

    @Test func noteDialogShowsTheTypedNote() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("e")))
        for character in "ask finance" { _ = Update.update(&state, .key(.char(character))) }
        let text = RootView.render(state).text()
        #expect(text.contains("Escalation note"))
        #expect(text.contains("Note: ask finance"))
    }

    @Test func statusBarShowsFreshnessOutboxAndLastError() {
        let lines = screen(.reviews) { state in
            state.sync = .offline(since: Fixtures.now.addingTimeInterval(-90), code: "transport_error")
            state.counts.outboxPending = 3
            state.lastErrorCode = "rate_limited"
        }
        #expect(lines[23].contains("offline since 08:39:37Z (transport_error)"))
        #expect(lines[23].contains("outbox 3"))
        #expect(lines[23].contains("last error rate_limited"))
    }

    @Test func liveEnvironmentShowsALiveBadge() {
        let lines = screen(.members) { state in
            state.identity = Me(keyId: "mr_live_abcdefghijklmnopqrstuvwx", clubId: "club_x", clubName: "X",
                                environment: .live, role: .support)
        }
        #expect(lines[0].hasSuffix(" LIVE"))
        #expect(lines[23].hasPrefix(" LIVE "))
        #expect(lines[23].contains("support · read-only"))
    }

    @Test func pendingActionShowsOnTheRow() throws {
        var state = Fixtures.state()
        let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2)
        state.outbox["rev_001"] = entry
        let lines = RootView.render(state).lines()
        #expect(lines[2].contains("⋯ approving"))
    }

    @Test func tooSmallTerminalSaysSo() {
        let state = Fixtures.state(columns: 70, rows: 20)
        let text = RootView.render(state).text()
        #expect(text.contains("Terminal too small: 70×20. rewards-ops needs at least 80×24."))
    }

    @Test func helpOverlayListsTheRegistryActions() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("?")))
        let text = RootView.render(state).text()
        #expect(text.contains("Keys — Review queue"))
        #expect(text.contains("approve"))
        #expect(text.contains("escalate (asks for a note)"))
        state.identity?.role = .support
        let readOnly = RootView.render(state).text()
        #expect(!readOnly.contains("approve"))
    }
}
