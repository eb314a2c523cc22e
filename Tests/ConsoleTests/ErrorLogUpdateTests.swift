import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// The Error log's keys through the update function: drill in and out, filters, source.
@Suite struct ErrorLogUpdateTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    func groupsLoad(_ commands: [Command]) -> ErrorLogFilter? {
        for command in commands {
            if case .loadErrorGroups(let filter, _, _, _) = command { return filter }
        }
        return nil
    }

    @Test func switchingToThePaneLoadsTheSummary() {
        var state = Fixtures.state()
        let commands = send(&state, .char("4"))
        #expect(state.pane == .errors)
        #expect(commands == [.loadErrorGroups(ErrorLogFilter(), now: Fixtures.now, limit: ErrorLogState.groupLimit,
                                              generation: 1)])
    }

    @Test func enterDrillsIntoTheSelectedCodeAndEscComesBack() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("j"))
        #expect(state.errors.extra.selectedGroup == 1)
        let commands = send(&state, .enter)
        #expect(state.errors.extra.mode == .rows)
        #expect(state.errors.filter.code == "unavailable")
        #expect(state.errors.list.rows.isEmpty, "the rows of another code do not linger")
        guard case .loadWindow(let query, .top, _, .index(0), let generation)? = commands.first, query.pane == .errors,
              let filter = query.filter(as: ErrorLogFilter.self) else {
            Issue.record("expected the code's window, got \(commands)"); return
        }
        #expect(filter == ErrorLogFilter(source: .platform, code: "unavailable"))
        #expect(state.awaitingMove?.generation == generation, "keys wait for the rows")
        state.awaitingMove = nil
        let back = send(&state, .escape)
        #expect(state.errors.extra.mode == .groups && state.errors.filter.code == nil)
        #expect(groupsLoad(back) == ErrorLogFilter(), "the summary is fresh when we come back")
        #expect(state.errors.extra.selectedGroup == 1, "on the code we left")
    }

    @Test func enterOnARowOpensItsDetailAndEscClosesIt() {
        var state = ErrorLogFixtures.drilledState()
        #expect(send(&state, .enter).isEmpty)
        #expect(state.errors.extra.mode == .detail)
        #expect(send(&state, .escape).isEmpty)
        #expect(state.errors.extra.mode == .rows)
        _ = send(&state, .escape)
        #expect(state.errors.extra.mode == .groups)
        _ = send(&state, .escape)
        #expect(state.errors.extra.mode == .groups, "Esc at the top stays")
    }

    @Test func enterTypedBeforeTheRowsArriveOpensTheFirstRow() {
        var state = ErrorLogFixtures.state()
        let commands = send(&state, .enter, .enter)
        #expect(state.errors.extra.mode == .rows)
        guard case .loadWindow(_, _, _, let select, let generation)? = commands.first else {
            Issue.record("expected a load"); return
        }
        _ = Update.update(&state, .windowLoaded(pane: .errors, generation: generation,
                                                rows: PaneWindow(Fixtures.rows(ErrorLogFixtures.rows, key: \.id)),
                                                select: select, outbox: [:], atStart: true))
        #expect(state.errors.extra.mode == .detail)
        #expect(state.errors.list.selectedRow?.id == "log_101")
    }

    @Test func enterOnNothingDoesNothing() {
        var state = Fixtures.state()
        state.pane = .errors
        #expect(send(&state, .enter).isEmpty)
        #expect(state.errors.extra.mode == .groups)
        state.errors.extra.mode = .rows
        state.errors.list = ListState()
        #expect(send(&state, .enter).isEmpty)
        #expect(state.errors.extra.mode == .rows)
    }

    @Test func fCyclesRetryableAndSCyclesTheStatus() {
        var state = ErrorLogFixtures.state()
        #expect(groupsLoad(send(&state, .char("f")))?.retryable == true)
        #expect(groupsLoad(send(&state, .char("f")))?.retryable == false)
        #expect(groupsLoad(send(&state, .char("f")))?.retryable == nil)
        let statuses = (0..<4).map { _ in groupsLoad(send(&state, .char("s")))?.status }
        #expect(statuses == [.clientErrors, .serverErrors, .noResponse, .any])
    }

    @Test func aFilterInTheRowsReloadsTheCodesWindow() {
        var state = ErrorLogFixtures.drilledState()
        _ = send(&state, .enter)
        let commands = send(&state, .char("f"))
        #expect(state.errors.extra.mode == .rows, "the detail's row may not pass the new filter")
        guard case .loadWindow(let query, .top, _, _, _)? = commands.first, query.pane == .errors,
              let filter = query.filter(as: ErrorLogFilter.self) else {
            Issue.record("expected a reload, got \(commands)"); return
        }
        #expect(filter == ErrorLogFilter(code: "insufficient_points_balance", retryable: true))
    }

    @Test func cSwitchesTheSourceBackToItsSummary() {
        var state = ErrorLogFixtures.drilledState()
        let commands = send(&state, .char("c"))
        #expect(state.errors.filter.source == .console)
        #expect(state.errors.extra.mode == .groups && state.errors.extra.groups.isEmpty && !state.errors.extra.groupsLoaded)
        #expect(groupsLoad(commands) == ErrorLogFilter(source: .console))
        #expect(groupsLoad(send(&state, .char("c"))) == ErrorLogFilter(source: .platform))
    }

    @Test func movingInTheSummaryNeedsNoQuery() {
        var state = ErrorLogFixtures.state()
        #expect(send(&state, .char("G")).isEmpty)
        #expect(state.errors.extra.selectedGroup == 2)
        #expect(send(&state, .char("j")).isEmpty)
        #expect(state.errors.extra.selectedGroup == 2)
        #expect(send(&state, .char("g")).isEmpty)
        #expect(state.errors.extra.selectedGroup == 0)
        #expect(send(&state, .pageDown).isEmpty)
        #expect(state.errors.extra.selectedGroup == 2)
        #expect(Update.update(&state, .key(.mouse(MouseEvent(kind: .wheelUp, x: 0, y: 3)))).isEmpty)
        #expect(state.errors.extra.selectedGroup == 0)
    }

    @Test func anAnswerKeepsTheSelectedCodeAndALateOneIsDropped() {
        var state = ErrorLogFixtures.state()
        _ = send(&state, .char("j"))  // unavailable
        let commands = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(61)))
        guard case .loadErrorGroups(_, let now, _, let generation)? = commands.first else {
            Issue.record("the sparkline should follow the clock, got \(commands)"); return
        }
        #expect(now == Fixtures.now.addingTimeInterval(61))
        var reordered = ErrorLogFixtures.groups
        reordered.swapAt(0, 1)
        ErrorLogPane.groupsLoaded(&state, generation: generation - 1,
                                 result: ErrorGroups(groups: [], truncated: false, now: now))
        #expect(state.errors.extra.groups.count == 3, "an older answer is dropped")
        ErrorLogPane.groupsLoaded(&state, generation: generation,
                                 result: ErrorGroups(groups: reordered, truncated: true, now: now))
        #expect(state.errors.extra.selectedGroup == 0)
        #expect(state.errors.extra.selectedGroupRow?.code == "unavailable")
        #expect(state.errors.extra.groupsTruncated)
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(62))).isEmpty, "once a minute")
    }

    @Test func aBusyFeedRunsTheGroupedQueryAtMostEveryTwoSeconds() {
        var state = ErrorLogFixtures.state()  // its summary was asked for at Fixtures.now
        state.needsRefresh = true
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5))) == [.loadCounts],
                "only the counts")
        #expect(state.errors.extra.groupsRefreshOwed)
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1.5))).isEmpty)
        let commands = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(2)))
        #expect(groupsLoad(commands) != nil, "the held-back change is caught up")
        #expect(!state.errors.extra.groupsRefreshOwed)
        // Only the counts it owed (throttled on their own clock); no further grouped query.
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(4.5))) == [.loadCounts])
    }

    @Test func syncedChangesRefreshWhatIsShown() {
        var state = ErrorLogFixtures.state()
        state.needsRefresh = true
        #expect(groupsLoad(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(3)))) != nil)
        state = ErrorLogFixtures.drilledState()
        state.needsRefresh = true
        let commands = Update.update(&state, .tick(Fixtures.now))
        guard case .loadWindow(let query, .top, _, .id("log_101", _), _)? = commands.first, query.pane == .errors,
              let filter = query.filter(as: ErrorLogFilter.self) else {
            Issue.record("expected the rows to refresh, got \(commands)"); return
        }
        #expect(filter.code == "insufficient_points_balance")
        #expect(groupsLoad(commands) == nil)
    }

    @Test func pagesScrollTheDetailAndStopAtItsEnd() {
        var state = ErrorLogFixtures.drilledState()
        _ = send(&state, .enter)
        #expect(send(&state, .pageDown).isEmpty)
        let end = state.errors.extra.detailScroll
        #expect(end > 0)
        _ = send(&state, .pageDown, .pageDown)
        #expect(state.errors.extra.detailScroll == end, "no scrolling into nothing")
        _ = send(&state, .pageUp)
        #expect(state.errors.extra.detailScroll == 0)
        _ = send(&state, .pageDown, .char("j"))
        #expect(state.errors.extra.detailScroll == 0, "the next failure starts at its top")
        #expect(state.errors.list.selectedRow?.id == "log_100")
        #expect(state.errors.extra.mode == .detail)
    }

    @Test func theKeysAreInTheHelpAndOnlyOnThisPane() {
        let ids = ActionRegistry.available(on: .errors, readOnly: true).map(\.id)
        for id in [ActionID.errorsOpen, .errorsBack, .errorsSource, .errorsRetryable, .errorsStatus] {
            #expect(ids.contains(id))
            #expect(!ActionRegistry.available(on: .reviews, readOnly: false).map(\.id).contains(id))
        }
        var state = Fixtures.state()
        _ = send(&state, .char("c"))
        #expect(state.errors.filter.source == .platform, "c means nothing on the review queue")
    }
}
