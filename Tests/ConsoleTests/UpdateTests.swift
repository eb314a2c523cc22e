import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal
import Testing
@testable import Console

/// The update function, fed messages; assertions on the state and the effects it asks for.
@Suite struct UpdateTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    @Test func numberKeysAndTabSwitchPanesAndLoadThem() {
        var state = Fixtures.state()
        let commands = send(&state, .char("1"))
        #expect(state.pane == .members)
        guard case .loadWindow(let query, _, let limit, _, _)? = commands.first else {
            Issue.record("expected a window load, got \(commands)"); return
        }
        #expect(query.pane == .members)
        #expect(query == .members(MemberFilter()))
        #expect(limit == state.tableHeight)
        _ = send(&state, .tab)
        #expect(state.pane == .redemptions)
        _ = send(&state, .backTab, .backTab)
        #expect(state.pane == .errors)
        _ = send(&state, .char("3"))
        #expect(state.pane == .reviews)
    }

    @Test func movingInsideTheWindowNeedsNoQuery() {
        var state = Fixtures.state()
        #expect(send(&state, .char("j")).isEmpty)
        #expect(state.reviews.list.selected == 1)
        #expect(send(&state, .down).isEmpty)
        #expect(state.reviews.list.selected == 2)
        #expect(send(&state, .char("j")).isEmpty, "a window shorter than the screen already ends at the last row")
        #expect(state.reviews.list.selected == 2)
        _ = send(&state, .char("k"), .up)
        #expect(state.reviews.list.selected == 0)
    }

    @Test func movingPastAFullWindowSeeksTheNextRows() {
        var state = Fixtures.state(columns: 120, rows: 7)  // a table of 3 rows
        #expect(state.tableHeight == 3)
        _ = send(&state, .char("j"), .char("j"))
        let commands = send(&state, .char("j"))
        guard case .loadWindow(_, let request, _, let select, let generation)? = commands.first else {
            Issue.record("expected a window load"); return
        }
        #expect(request == .startingAt(RowKey([.text("rev_002")])))
        #expect(select == .index(2))
        // The answer arrives; an older answer arriving late is ignored.
        let shifted = Fixtures.rows(Array(Fixtures.reviews.dropFirst()), key: \.review.id)
        _ = Update.update(&state, .windowLoaded(pane: .reviews, generation: generation, rows: PaneWindow(shifted),
                                                select: select, outbox: [:]))
        #expect(state.reviews.list.rows.first?.object.review.id == "rev_002")
        _ = Update.update(&state, .windowLoaded(pane: .reviews, generation: generation - 1,
                                                rows: PaneWindow(Fixtures.rows(Fixtures.reviews, key: \.review.id)),
                                                select: .index(0), outbox: [:]))
        #expect(state.reviews.list.rows.first?.object.review.id == "rev_002")
    }

    @Test func topBottomAndPagesAskForTheRightWindows() {
        var state = Fixtures.state()
        var other = Fixtures.state()
        guard case .loadWindow(_, let top, _, _, _)? = send(&state, .char("g")).first,
              case .loadWindow(_, let bottom, _, let last, _)? = send(&other, .char("G")).first else {
            Issue.record("expected window loads"); return
        }
        #expect(top == .top)
        #expect(bottom == .bottom)
        #expect(last == .last)
        var tiny = Fixtures.state(columns: 120, rows: 7)
        // A page down moves the selection a page: three rows past the first, so the window
        // follows it by one row and the selection sits on its last row.
        guard case .loadWindow(_, let page, _, let select, _)? = send(&tiny, .pageDown).first else {
            Issue.record("expected a page load"); return
        }
        #expect(page == .startingAt(RowKey([.text("rev_002")])))
        #expect(select == .index(2))
        // From the last row, a page down starts the window after it.
        var atLast = Fixtures.state(columns: 120, rows: 7)
        _ = send(&atLast, .char("j"), .char("j"))
        guard case .loadWindow(_, let next, _, let lastRow, _)? = send(&atLast, .pageDown).first else {
            Issue.record("expected a page load"); return
        }
        #expect(next == .startingAfter(RowKey([.text("rev_003")])))
        #expect(lastRow == .last)
    }

    @Test func approveAsksThenQueuesTheDecisionWithTheRowVersion() throws {
        var state = Fixtures.state()
        #expect(send(&state, .char("a")).isEmpty)
        let dialog = try #require(state.dialog)
        #expect(dialog.step == .confirm)
        #expect(dialog.focus == .cancel)
        #expect(dialog.typedConfirmation == nil, "TEST: y confirms")
        let action = try #require(dialog.actions.first)
        #expect(action.objectId == "rev_001")
        let commands = send(&state, .char("y"))
        #expect(state.dialog == nil)
        #expect(commands == [.enqueue(PendingAction(subject: .review, objectId: "rev_001", verb: .approve,
                                                    expectedVersion: 2, note: nil, summary: action.summary),
                                      delaySeconds: state.undoSeconds)])
    }

    @Test func enterTakesTheFocusedButtonWhichIsCancelByDefault() {
        var state = Fixtures.state()
        _ = send(&state, .char("a"))
        #expect(send(&state, .enter).isEmpty)
        #expect(state.dialog == nil)
        _ = send(&state, .char("a"), .tab)
        let commands = send(&state, .enter)
        #expect(commands.count == 1)
        _ = send(&state, .char("a"))
        #expect(send(&state, .char("n")).isEmpty && state.dialog == nil)
        _ = send(&state, .char("a"))
        #expect(send(&state, .escape).isEmpty && state.dialog == nil)
    }

    @Test func escalateNeedsANote() {
        var state = Fixtures.state()
        _ = send(&state, .char("e"))
        _ = send(&state, .enter)
        #expect(state.dialog?.step == .note)
        #expect(state.dialog?.noteError == "An escalation needs a note")
        for character in "y is a letter" { _ = send(&state, .char(character)) }
        _ = send(&state, .backspace)
        _ = send(&state, .enter)
        #expect(state.dialog?.step == .confirm)
        #expect(state.dialog?.note == "y is a lette")
        let commands = send(&state, .char("y"))
        guard case .enqueue(let queued, _)? = commands.first else { Issue.record("nothing queued"); return }
        #expect(queued.verb == .escalate)
        #expect(queued.note == "y is a lette")
    }

    @Test func aReadOnlyKeyCannotDecide() {
        var state = Fixtures.state()
        state.identity?.role = .support
        #expect(send(&state, .char("a")).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("Read-only") == true)
        #expect(send(&state, .char("e")).isEmpty)
        #expect(state.dialog == nil)
        // Even a dialog opened before the role was known sends nothing.
        state.identity?.role = .ops
        _ = send(&state, .char("a"))
        state.identity?.role = .support
        #expect(send(&state, .char("y")).isEmpty)
    }

    @Test func anUnknownRoleIsReadOnly() {
        var state = Fixtures.state()
        state.identity = nil
        #expect(send(&state, .char("a")).isEmpty && state.dialog == nil)
    }

    @Test func approvedReviewsAndPendingActionsAreNotDecidedTwice() throws {
        var state = Fixtures.state()
        state.reviews.list.rows[0].object.review.status = .approved
        _ = send(&state, .char("a"))
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "rev_001 is already approved")
        state = Fixtures.state()
        state.outbox["rev_001"] = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2)
        _ = send(&state, .char("a"))
        #expect(state.dialog == nil)
        #expect(state.flash?.text.contains("already has a approve on its way") == true)
    }

    @Test func redemptionsCanBeDecidedToo() {
        var state = Fixtures.state()
        _ = send(&state, .char("2"), .char("a"))
        guard let action = state.dialog?.actions.first else { Issue.record("no dialog"); return }
        #expect(action.subject == .redemption)
        #expect(action.objectId == "red_001")
        #expect(action.expectedVersion == 3)
    }

    @Test func membersFilterReloadsAsYouType() {
        var state = Fixtures.state()
        _ = send(&state, .char("1"), .char("/"))
        #expect(state.filterInput != nil)
        let commands = send(&state, .char("z"))
        #expect(state.members.filter.text == "z")
        guard case .loadWindow(let query, .top, _, _, _)? = commands.first, query.pane == .members,
              let filter = query.filter(as: MemberFilter.self) else {
            Issue.record("expected a members reload"); return
        }
        #expect(filter.text == "z")
        _ = send(&state, .escape)
        #expect(state.members.filter.text == "")
        #expect(state.filterInput == nil)
        #expect(send(&state, .char("/")).isEmpty && state.filterInput != nil)
        _ = send(&state, .enter)
        #expect(state.filterInput == nil)
    }

    @Test func quitAndHelp() {
        var state = Fixtures.state()
        _ = send(&state, .char("?"))
        #expect(state.showHelp)
        _ = send(&state, .char("q"))
        #expect(!state.showHelp && !state.quitRequested, "the first key closes help")
        #expect(send(&state, .char("q")) == [.quit])
        #expect(state.quitRequested)
        var other = Fixtures.state()
        #expect(send(&other, .ctrl("c")) == [.quit])
    }

    @Test func syncEventsRefreshAtOnceThenAtMostOnceATickAndAnnounceNewReviews() {
        var state = Fixtures.state()
        var changes = AppliedChanges()
        changes.upserted[.review] = 2
        changes.newOpenReviews = 2
        func reloadsReviews(_ commands: [Command]) -> Bool {
            commands.contains { if case .loadWindow(let query, _, _, _, _) = $0 { return query.pane == .reviews }; return false }
        }
        #expect(reloadsReviews(Update.update(&state, .sync(.applied(changes)))), "the first change shows at once")
        #expect(state.flash?.text == "2 new reviews in the queue")
        #expect(Update.update(&state, .sync(.applied(changes))).isEmpty, "a second one waits for the tick")
        let commands = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1)))
        #expect(commands.contains(.loadCounts))
        #expect(reloadsReviews(commands))
        #expect(reloadsReviews(Update.update(&state, .sync(.applied(changes)))),
                "the tick's own refresh does not hold back the next change")
        #expect(Update.update(&state, .sync(.applied(changes))).isEmpty, "but the one after that waits")
        #expect(reloadsReviews(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1.25)))))
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1.5))).isEmpty, "refreshed once")
        #expect(reloadsReviews(Update.update(&state, .sync(.applied(changes)))), "after a quiet tick, at once again")
    }

    @Test func identityAndStatusEventsReachTheStatusLine() {
        var state = Fixtures.state()
        state.identity = nil
        _ = Update.update(&state, .sync(.identity(Fixtures.me)))
        #expect(state.identity == Fixtures.me)
        _ = Update.update(&state, .sync(.status(.catchingUp(entries: 120))))
        #expect(state.sync == .catchingUp(entries: 120))
    }

    @Test func resizeChangesTheLayoutAndReloads() {
        var state = Fixtures.state()
        let commands = Update.update(&state, .resize(columns: 90, rows: 30))
        #expect(state.columns == 90 && state.rows == 30)
        guard case .loadWindow(_, _, let limit, _, _)? = commands.first else { Issue.record("no reload"); return }
        #expect(limit == 26)
    }
}

@Suite struct RefreshPositionTests {
    @Test func aWindowAtTheStartRefreshesFromTheTopSoNewRowsShow() {
        var state = Fixtures.state()
        state.pane = .errors
        state.errors.extra.mode = .rows
        state.needsRefresh = true
        let commands = Update.update(&state, .tick(Fixtures.now))
        guard case .loadWindow(let query, let request, _, let select, _)? = commands.first, query.pane == .errors else {
            Issue.record("expected a refresh"); return
        }
        #expect(request == .top)
        #expect(select == .id("log_001", fallback: 0))
    }

    @Test func aScrolledWindowRefreshesWhereItStands() {
        var state = Fixtures.state()
        state.reviews.list.atStart = false
        state.reviews.list.selected = 1
        state.needsRefresh = true
        let commands = Update.update(&state, .tick(Fixtures.now))
        guard case .loadWindow(let query, let request, _, let select, _)? = commands.first, query.pane == .reviews else {
            Issue.record("expected a refresh"); return
        }
        #expect(request == .startingAt(RowKey([.text("rev_001")])))
        #expect(select == .id("rev_002", fallback: 1))
    }
}

@Test func aHangupEndsTheConsoleEvenWithADialogOpen() {
    var state = Fixtures.state()
    _ = Update.update(&state, .key(.char("a")))
    #expect(state.dialog != nil)
    #expect(Update.update(&state, .key(.hangup)) == [.quit])
    #expect(state.quitRequested && state.dialog == nil)
}

@Test func keysTypedDuringAMoveWaitForItsRows() {
    var state = Fixtures.state()
    state.reviews.list.selected = 2
    guard case .loadWindow(_, .top, _, let select, let generation)? = Update.update(&state, .key(.char("g"))).first else {
        Issue.record("expected a load"); return
    }
    #expect(Update.update(&state, .key(.char("a"))).isEmpty)
    #expect(state.dialog == nil, "the approve waits for the move")
    _ = Update.update(&state, .windowLoaded(pane: .reviews, generation: generation,
                                            rows: PaneWindow(Fixtures.rows(Fixtures.reviews, key: \.review.id)),
                                            select: select, outbox: [:], atStart: true))
    guard let action = state.dialog?.actions.first else { Issue.record("the approve should run now"); return }
    #expect(action.objectId == "rev_001")
}

@Test func aMoveThatNeverAnswersReleasesTheKeys() {
    var state = Fixtures.state()
    _ = Update.update(&state, .key(.char("G")))
    _ = Update.update(&state, .key(.char("j")))
    #expect(state.typeahead.count == 1)
    _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(2)))
    #expect(state.awaitingMove == nil && state.typeahead.isEmpty)
}

@Test func countsReloadAtMostEveryTwoSecondsWhileTheRowsRefreshAtOnce() {
    var state = Fixtures.state()
    func countLoads(_ commands: [Command]) -> Int { commands.filter { $0 == .loadCounts }.count }
    state.needsRefresh = true
    #expect(countLoads(Update.update(&state, .tick(Fixtures.now))) == 1)
    state.needsRefresh = true
    let soon = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5)))
    #expect(countLoads(soon) == 0)
    #expect(soon.contains { if case .loadWindow = $0 { return true }; return false }, "the rows still refresh")
    #expect(countLoads(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1.0)))) == 0)
    #expect(countLoads(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(2.1)))) == 1, "the owed count comes")
    #expect(countLoads(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(5)))) == 0, "nothing owed")
}
