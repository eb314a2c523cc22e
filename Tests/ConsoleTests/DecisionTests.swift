import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// Bulk marks, the undo window, and the LIVE typed confirmation.
@Suite struct DecisionTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    @Test func spaceMarksRowsAndOneConfirmationDecidesThemAll() throws {
        var state = Fixtures.state()
        _ = send(&state, .char(" "), .char(" "))
        #expect(state.marks[.reviews]?.count == 2)
        #expect(state.reviews.list.selected == 2, "marking moves down")
        let text = RootView.render(state).text()
        #expect(text.contains("● rev_001") && text.contains("● rev_002"))
        _ = send(&state, .char("a"))
        let dialog = try #require(state.dialog)
        #expect(dialog.actions.map(\.objectId) == ["rev_001", "rev_002"])
        #expect(RootView.render(state).text().contains("Confirm approval of 2"))
        let commands = send(&state, .char("y"))
        #expect(commands.count == 2)
        #expect(commands.allSatisfy { if case .enqueue(_, let delay) = $0 { return delay == 5 }; return false })
        #expect(state.marks[.reviews] == nil, "marks are cleared once decided")
    }

    @Test func spaceAgainUnmarks() {
        var state = Fixtures.state()
        _ = send(&state, .char(" "), .char("k"), .char(" "))
        #expect(state.marks[.reviews]?.isEmpty ?? true)
    }

    @Test func bulkEscalationTakesOneNoteForAll() throws {
        var state = Fixtures.state()
        _ = send(&state, .char(" "), .char(" "), .char("e"))
        for character in "finance" { _ = send(&state, .char(character)) }
        _ = send(&state, .enter)
        let commands = send(&state, .char("y"))
        let notes = commands.compactMap { command -> String? in
            if case .enqueue(let action, _) = command { return action.note }
            return nil
        }
        #expect(notes == ["finance", "finance"])
    }

    @Test func onALivePlatformTheShortIdMustBeTyped() throws {
        var state = Fixtures.state()
        state.identity?.environment = .live
        _ = send(&state, .char("a"))
        let dialog = try #require(state.dialog)
        #expect(dialog.typedConfirmation == "rev_001".shortId)
        #expect(send(&state, .char("y")).isEmpty, "y is just a letter here")
        #expect(send(&state, .enter).isEmpty)
        #expect(state.dialog?.typedError == "Type \("rev_001".shortId) to confirm, or Esc to cancel")
        _ = send(&state, .backspace)
        for character in "rev_001".shortId { _ = send(&state, .char(character)) }
        let text = RootView.render(state).text()
        #expect(text.contains("LIVE platform. Type"))
        let commands = send(&state, .enter)
        #expect(commands.count == 1)
    }

    @Test func onALivePlatformABulkDecisionAsksForTheCount() throws {
        var state = Fixtures.state()
        state.identity?.environment = .live
        _ = send(&state, .char(" "), .char(" "), .char(" "), .char("a"))
        #expect(state.dialog?.typedConfirmation == "3")
        _ = send(&state, .char("3"))
        #expect(send(&state, .enter).count == 3)
    }

    @Test func undoWithdrawsDecisionsStillInTheirWindow() throws {
        var state = Fixtures.state()
        let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2,
                                            sendAfter: Fixtures.now.addingTimeInterval(5))
        _ = Update.update(&state, .actionQueued(entry))
        #expect(RootView.render(state).lines()[2].hasSuffix("⏳ sends in 5s"))
        let commands = send(&state, .char("u"))
        #expect(commands == [.cancelQueued([entry.seq])])
        _ = Update.update(&state, .undoFinished(withdrawn: [entry], alreadySent: 0))
        #expect(state.flash?.text == "Undone: approve rev_001 withdrawn, nothing was sent")
        #expect(state.outbox["rev_001"] == nil)
    }

    @Test func undoAfterTheWindowSaysSo() throws {
        var state = Fixtures.state()
        let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2,
                                            sendAfter: Fixtures.now.addingTimeInterval(5))
        _ = Update.update(&state, .actionQueued(entry))
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(6)))
        #expect(send(&state, .char("u")).isEmpty)
        #expect(state.flash?.text.hasPrefix("Nothing to undo") == true)
    }

    @Test func undoThatRacesTheSenderReportsTooLate() {
        var state = Fixtures.state()
        _ = Update.update(&state, .undoFinished(withdrawn: [], alreadySent: 1))
        #expect(state.flash?.text == "Undid 0; 1 already sent, too late to undo")
    }

    @Test func mOpensTheMemberDetailAndEscCloses() {
        var state = Fixtures.state()
        let commands = send(&state, .char("m"))
        #expect(commands == [.loadMemberDetail(memberId: "mem_002"), .fetchLedger(memberId: "mem_002")])
        #expect(state.memberDetail?.memberId == "mem_002")
        _ = send(&state, .escape)
        #expect(state.memberDetail == nil)
    }
}

@Suite struct CommandLineTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    func type(_ state: inout AppState, _ text: String) {
        for character in text { _ = Update.update(&state, .key(.char(character))) }
    }

    @Test func colonCommandsRunRegistryActions() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"))
        type(&state, "members")
        #expect(RootView.render(state).lines()[22].hasPrefix(":members"))
        let commands = send(&state, .enter)
        #expect(state.pane == .members)
        #expect(!commands.isEmpty)
        _ = send(&state, .char(":"))
        type(&state, "q")
        #expect(send(&state, .enter) == [.quit])
    }

    @Test func tabCompletes() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"))
        type(&state, "esc")
        _ = send(&state, .tab)
        #expect(state.commandInput?.text == "escalate")
        state.commandInput?.text = "re"
        _ = send(&state, .tab)
        #expect(state.commandInput?.text == "re", "redemptions and reviews share only 're'")
        #expect(state.commandInput?.choices == ["redemptions", "reviews"], "listed over the table")
        #expect(RootView.render(state).text().contains("redemptions  reviews"))
    }

    @Test func unknownCommandsSaySoAndReadOnlyGatingStillApplies() {
        var state = Fixtures.state()
        _ = send(&state, .char(":"))
        type(&state, "launch")
        #expect(send(&state, .enter).isEmpty)
        #expect(state.flash?.text.hasPrefix("Unknown command :launch") == true)
        state.identity?.role = .support
        _ = send(&state, .char(":"))
        type(&state, "approve")
        #expect(send(&state, .enter).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("Read-only") == true)
        #expect(ActionRegistry.completions(of: "app", on: .reviews, readOnly: true).isEmpty)
    }
}

@Suite struct ProfileGuardTests {
    @Test func aKeyOfTheOtherEnvironmentBlocksEveryDecision() {
        var state = Fixtures.state()
        state.profileName = "prod"
        state.expectedEnvironment = .live
        _ = Update.update(&state, .key(.char("a")))
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "The key is for TEST but the profile expects LIVE: approve is not allowed")
        let status = RootView.render(state).lines()[23]
        #expect(status.contains("KEY IS TEST, PROFILE SAYS LIVE"))
    }

    @Test func aReadOnlyProfileRefusesEvenAnOpsKey() {
        var state = Fixtures.state()
        state.profileName = "audit"
        state.profileReadOnly = true
        _ = Update.update(&state, .key(.char("e")))
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Profile audit is read only: escalate (asks for a note) is not allowed")
        #expect(RootView.render(state).lines()[23].contains("profile audit"))
    }
}

@Suite struct KeymapTests {
    @Test func overridesReplaceDefaultsAndShowInHelp() throws {
        var state = Fixtures.state()
        state.keymap = try Keymap.from(["approve": "A", "quit": "ctrl-q"])
        #expect(Update.update(&state, .key(.char("a"))).isEmpty)
        #expect(state.dialog == nil, "a no longer approves")
        _ = Update.update(&state, .key(.char("A")))
        #expect(state.dialog?.verb == .approve)
        state.dialog = nil
        #expect(Update.update(&state, .key(.ctrl("q"))) == [.quit])
        var help = Fixtures.state()
        help.keymap = state.keymap
        _ = Update.update(&help, .key(.char("?")))
        // The key, then (past the key column's padding) the description alone on its line.
        #expect(RootView.render(help).lines().contains { $0.range(of: #"│ A +approve {2,}"#, options: .regularExpression) != nil })
    }

    /// `approve = "A"` takes A from "approve with a note": help lists A once, and says the
    /// other action lost its key.
    @Test func anOverrideTakesItsKeyFromTheActionThatHadIt() throws {
        let keymap = try Keymap.from(["approve": "A"])
        let withNote = try #require(ActionRegistry.all.first { $0.id == .approveWithNote })
        #expect(withNote.keys == [.char("A")], "the default this test is about")
        #expect(keymap.keys(of: withNote).isEmpty)
        #expect(keymap.label(of: withNote) == "unbound")
        #expect(keymap.action(for: .char("A"), on: .reviews)?.id == .approve)
        let untouched = try #require(ActionRegistry.all.first { $0.id == .escalate })
        #expect(keymap.label(of: untouched) == untouched.keyLabel)
    }

    @Test func aSharedCommandNameRemapsTheActionOnEveryPane() throws {
        let keymap = try Keymap.from(["status": "S"])
        #expect(keymap.action(for: .char("S"), on: .reviews)?.id == .cycleStatus)
        #expect(keymap.action(for: .char("S"), on: .redemptions)?.id == .cycleStatus)
        #expect(keymap.action(for: .char("S"), on: .errors)?.id == .errorsStatus)
        #expect(keymap.action(for: .char("s"), on: .reviews) == nil, "the old key is free again")
    }

    @Test func badOverridesAreExplained() {
        #expect(throws: Keymap.KeymapError.unknownAction("launch")) { try Keymap.from(["launch": "l"]) }
        #expect(throws: Keymap.KeymapError.badKey(action: "approve", spec: "hyper-a")) { try Keymap.from(["approve": "hyper-a"]) }
        #expect(Keymap.parse("space") == .char(" "))
        #expect(Keymap.parse("F5") == .function(5))
        #expect(Keymap.parse("pgdn") == .pageDown)
    }
}

@Suite struct UndoRaceTests {
    @Test func undoBeforeTheOutboxWriteArrivesStillWithdraws() throws {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("a")))
        _ = Update.update(&state, .key(.char("y")))
        #expect(state.queuing == ["rev_001"])
        #expect(Update.update(&state, .key(.char("u"))).isEmpty)
        #expect(state.undoOnArrival)
        let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2,
                                            sendAfter: Fixtures.now.addingTimeInterval(5))
        #expect(Update.update(&state, .actionQueued(entry)) == [.cancelQueued([entry.seq])])
        #expect(!state.undoOnArrival && state.queuing.isEmpty)
    }

    @Test func aConfirmedButUnwrittenDecisionCountsAsOnItsWay() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("a")))
        _ = Update.update(&state, .key(.char("y")))
        _ = Update.update(&state, .key(.char("e")))
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("on its way") == true)
    }

    @Test func theLedgerVerdictWaitsForTheFreshCopy() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("m")))
        let member = Fixtures.members[1]
        let stale = MemberDetail(member: member, ledger: [], redemptions: [], reviews: [])
        _ = Update.update(&state, .memberDetailLoaded(memberId: "mem_002", detail: stale))
        _ = Update.update(&state, .ledgerFetched(memberId: "mem_002", error: nil))
        #expect(state.memberDetail?.ledgerStatus == .fetching)
        #expect(!RootView.render(state).text().contains("⚠"))
        _ = Update.update(&state, .memberDetailLoaded(memberId: "mem_002", detail: stale))
        #expect(state.memberDetail?.ledgerStatus == .fetched)
    }
}

@Suite struct ThemeCommandTests {
    @Test func themeCommandCompletesAndAsksTheLoopToSwitch() {
        var state = Fixtures.state()
        state.themeNames = ["default", "gruvbox-dark", "light"]
        _ = Update.update(&state, .key(.char(":")))
        for character in "theme gr" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.tab))
        #expect(state.commandInput?.text == "theme gruvbox-dark")
        #expect(Update.update(&state, .key(.enter)) == [.switchTheme("gruvbox-dark")])
        _ = Update.update(&state, .key(.char(":")))
        for character in "theme" { _ = Update.update(&state, .key(.char(character))) }
        #expect(Update.update(&state, .key(.enter)).isEmpty)
        #expect(state.flash?.text == "Usage: :theme NAME (default, gruvbox-dark, light)")
    }
}

@Suite struct PaneFilterTests {
    @Test func slashFiltersTheQueueAsYouType() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("/")))
        let commands = Update.update(&state, .key(.char("鈴")))
        #expect(state.reviews.filter.text == "鈴")
        guard case .loadWindow(let query, .top, _, _, _)? = commands.first, query.pane == .reviews,
              let filter = query.filter(as: ReviewFilter.self) else {
            Issue.record("expected a queue reload"); return
        }
        #expect(filter.text == "鈴")
        #expect(RootView.render(state).lines()[22].hasPrefix("Filter review queue: /鈴"))
        _ = Update.update(&state, .key(.escape))
        #expect(state.reviews.filter.text.isEmpty)
    }

    @Test func theMemberDetailShowsTheLedgerWithItsRunningBalance() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("1")))
        _ = Update.update(&state, .key(.enter))
        let member = Fixtures.members[0]  // available 1,250
        let ledger = [
            LedgerEntry(id: "led_3", memberId: member.id, kind: .redemption, points: -250, redemptionId: "red_9",
                        createdAt: Fixtures.ago(60)),
            LedgerEntry(id: "led_2", memberId: member.id, kind: .earn, points: 1000, externalTransactionId: "txn_2",
                        createdAt: Fixtures.ago(3600)),
            LedgerEntry(id: "led_1", memberId: member.id, kind: .earn, points: 500, externalTransactionId: "txn_1",
                        createdAt: Fixtures.ago(7200)),
        ]
        _ = Update.update(&state, .memberDetailLoaded(memberId: member.id,
                                                      detail: MemberDetail(member: member, ledger: ledger, redemptions: [],
                                                                           reviews: [])))
        _ = Update.update(&state, .ledgerFetched(memberId: member.id, error: nil))
        _ = Update.update(&state, .memberDetailLoaded(memberId: member.id,
                                                      detail: MemberDetail(member: member, ledger: ledger, redemptions: [],
                                                                           reviews: [])))
        let lines = RootView.render(state).lines()
        #expect(lines[1].hasPrefix(" Zoë Åsheim  mem_001 · active"))
        #expect(lines[3].contains("Available 1,250 · pending 10 · lifetime 1,750"))
        #expect(lines[3].contains("✓ the ledger sums to 1,250, the available balance"))
        #expect(lines[4] == " Redemptions: none" + String(repeating: " ", count: 120 - 18))
        let rows = lines.filter { $0.contains("led_") || $0.contains("txn_") || $0.contains("red_9") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("redemption") && rows[0].contains("-250") && rows[0].contains("1,250"))
        #expect(rows[1].contains("+1,000") && rows[1].contains("1,500"))
        #expect(rows[2].contains("+500") && rows[2].contains("500"))
    }
}
