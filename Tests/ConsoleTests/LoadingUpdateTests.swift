import Foundation
import Mirror
import RewardsContract
@testable import SyncEngine
import Terminal
import Testing
@testable import Console

/// A bootstrap's progress events in the update function (#14): which panes are loading, which
/// pages reach the screen at once, and the filters' match counts on the tabs.
@Suite struct LoadingUpdateTests {
    static let order: [ObjectKind] = [.review, .redemption, .requestLog, .member]

    static func passStarted(totals: [ObjectKind: Int] = [:], replacesRows: Bool = false, resumed: Bool = false) -> Message {
        .sync(.progress(.passStarted(BootstrapPassInfo(order: order, totals: totals, replacesRows: replacesRows,
                                                       resumed: resumed))))
    }

    static func page(_ kind: ObjectKind, rows: Int, total: Int? = nil, rate: Double = 1_000) -> Message {
        .sync(.progress(.list(ListProgress(kind: kind, rows: rows, total: total, rowsPerSecond: rate))))
    }

    static func windowLoads(_ commands: [Command]) -> [PaneID] {
        commands.compactMap { command in
            if case .loadWindow(let query, _, _, _, _) = command { return query.pane }
            return nil
        }
    }

    /// Answers every window (and the Error log's summary) the commands ask for, with no rows:
    /// the rows do not matter here.
    static func answerWindows(_ commands: [Command], _ state: inout AppState) {
        for case .loadErrorGroups(_, let now, _, let generation) in commands {
            _ = Update.update(&state, .errorGroupsLoaded(generation: generation, ErrorGroups(groups: [], truncated: false, now: now)))
        }
        for case .loadWindow(let query, _, _, let select, let generation) in commands {
            let window: PaneWindow
            switch query.pane {
            case .members: window = PaneWindow([WindowRow<Member>]())
            case .redemptions: window = PaneWindow([WindowRow<RedemptionRow>]())
            case .reviews: window = PaneWindow([WindowRow<ReviewRow>]())
            default: window = PaneWindow([WindowRow<RequestLog>]())
            }
            _ = Update.update(&state, .windowLoaded(pane: query.pane, generation: generation, rows: window, select: select,
                                                    outbox: [:]))
        }
    }

    @Test func aPassMakesEveryListLoadingUntilItsListFinishes() {
        var state = Fixtures.state()
        _ = Update.update(&state, Self.passStarted(totals: [.member: 1_000_000, .review: 3]))
        #expect(state.loading.isLoading)
        #expect(state.loading.current == .review)
        #expect(state.members.progress == LoadProgress(loaded: 0, expected: 1_000_000))
        #expect(state.reviews.progress == LoadProgress(loaded: 0, expected: 3))
        #expect(state.redemptions.progress == LoadProgress(loaded: 0, expected: nil))

        Self.answerWindows(Update.update(&state, Self.page(.review, rows: 3, total: 3)), &state)
        _ = Update.update(&state, .sync(.progress(.listFinished(kind: .review, rows: 3))))
        #expect(state.loading.current == .redemption)
        // A window read while the queue loaded is no proof that it is empty: the pane says
        // it is loading until the window asked for after the list finished is there.
        #expect(state.reviews.progress == LoadProgress(loaded: 3, expected: 3))
        let reload = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.25)))
        #expect(Self.windowLoads(reload) == [.reviews])
        Self.answerWindows(reload, &state)
        #expect(state.reviews.progress == nil, "a finished list's pane is complete")
        #expect(RootView.render({ var shown = state; shown.pane = .reviews; return shown }()).text()
            .contains("The review queue is empty."))
        #expect(state.members.progress != nil)

        _ = Update.update(&state, Self.page(.member, rows: 340_000, total: 1_000_000, rate: 104_000))
        #expect(state.members.progress == LoadProgress(loaded: 340_000, expected: 1_000_000))
        #expect(state.loading.lists[.member]?.etaSeconds.map { abs($0 - 660_000.0 / 104_000) < 0.001 } == true)

        _ = Update.update(&state, .sync(.progress(.passEnded(rows: 1_000_003, removed: 0, replacedRows: false))))
        #expect(!state.loading.isLoading)
        Self.answerWindows(Update.update(&state, .sync(.bootstrapped(rows: 1_000_003))), &state)
        Self.answerWindows(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5))), &state)
        #expect(PaneTable.ids.allSatisfy { state.panes[$0].progress == nil })
    }

    @Test func aPageOfTheVisiblePanesListShowsAtOnceOthersOnlyOweTheCounts() {
        var state = Fixtures.state()
        state.pane = .reviews
        _ = Update.update(&state, Self.passStarted())
        let reviewPage = Update.update(&state, Self.page(.review, rows: 1_000))
        #expect(Self.windowLoads(reviewPage) == [.reviews], "the queue's first page reaches the screen at once")

        // A busy list refreshes at most twice a tick: the next page waits for the tick.
        #expect(Self.windowLoads(Update.update(&state, Self.page(.review, rows: 2_000))).isEmpty)
        #expect(state.needsRefresh)
        #expect(Self.windowLoads(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.25)))) == [.reviews])

        state.countsOwed = false
        let memberPage = Update.update(&state, Self.page(.member, rows: 1_000))
        #expect(Self.windowLoads(memberPage).isEmpty, "members are not on screen")
        #expect(state.countsOwed, "their tab's count follows")

        // On the members pane, members are browsable while they load: each page shows.
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5)))
        _ = Update.update(&state, .key(.char("1")))
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.75)))
        #expect(Self.windowLoads(Update.update(&state, Self.page(.member, rows: 2_000))) == [.members])
    }

    @Test func aResumedPassLoadsOnlyTheListsTheMirrorHadNotFinished() {
        var state = Fixtures.state()
        // Read from the mirror at the session's start: the queue and redemptions were done.
        state.loading.lists = [.requestLog: ListLoad(rows: 500), .member: ListLoad(rows: 20_000)]
        _ = Update.update(&state, Self.passStarted(totals: [.member: 50_000], resumed: true))
        #expect(Set(state.loading.lists.keys) == [.requestLog, .member])
        #expect(state.reviews.progress == nil)
        #expect(state.members.progress == LoadProgress(loaded: 0, expected: 50_000))
        _ = Update.update(&state, Self.page(.member, rows: 21_000))
        #expect(state.members.progress == LoadProgress(loaded: 21_000, expected: 50_000))
    }

    @Test func aRebootstrapMarksTheRowsStaleUntilItsPassEnds() {
        var state = Fixtures.state()
        _ = Update.update(&state, Self.passStarted(replacesRows: true))
        #expect(state.loading.stale)
        #expect(state.reviews.list.rows.count == 3, "the old rows stay on screen")
        _ = Update.update(&state, .sync(.progress(.passEnded(rows: 10, removed: 2, replacedRows: true))))
        #expect(!state.loading.stale)
    }

    @Test func theSearchIndexStatusFollowsItsBuild() {
        var state = Fixtures.state()
        _ = Update.update(&state, Self.passStarted())
        #expect(state.loading.searchIndex == .pending, "a pass empties the index")
        _ = Update.update(&state, .sync(.progress(.searchIndex(.building(indexed: 20_000, members: 100_000)))))
        #expect(state.loading.searchIndex == .building(indexed: 20_000, members: 100_000))
        _ = Update.update(&state, .sync(.progress(.searchIndex(.ready(members: 100_000, seconds: 2)))))
        #expect(state.loading.searchIndex == .ready)
    }

    @Test func theRequestLogIndexStatusFollowsItsOwnBuild() {
        var state = Fixtures.state()
        _ = Update.update(&state, Self.passStarted())
        #expect(state.loading.requestLogIndex == .pending, "a pass empties the index")
        _ = Update.update(&state, .sync(.progress(.searchIndex(.ready(members: 100, seconds: 1)))))
        #expect(state.loading.requestLogIndex == .pending, "the members' index is another one")
        _ = Update.update(&state, .sync(.progress(.requestLogIndex(.building(indexed: 20_000, logs: 50_000)))))
        #expect(state.loading.requestLogIndex == .building(indexed: 20_000, members: 50_000))
        #expect(state.loading.searchIndex == .ready)
        _ = Update.update(&state, .sync(.progress(.requestLogIndex(.ready(logs: 50_000, seconds: 2)))))
        #expect(state.loading.requestLogIndex == .ready)
        _ = Update.update(&state, .sync(.progress(.requestLogIndex(.deferred(unindexed: 9)))))
        #expect(state.loading.requestLogIndex == .pending)
    }

    @Test func aFiltersMatchesAreCountedOnceATickAmongWhatTheTabCounts() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("/")))
        for character in "zoë" { _ = Update.update(&state, .key(.char(character))) }
        let tick = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.25)))
        let counts = tick.compactMap { command -> (PaneQuery, Int)? in
            if case .countMatches(let query, let limit, let generation) = command {
                #expect(limit == MatchCount.limit)
                return (query, generation)
            }
            return nil
        }
        // Typed three characters, counted once; among open and escalated reviews only.
        #expect(counts.map(\.0) == [.reviews(ReviewFilter(statuses: [.open, .escalated], text: "zoë"))])
        #expect(state.reviews.matches == nil)
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.5))).allSatisfy {
            if case .countMatches = $0 { return false }
            return true
        }, "the same filter is not counted again while the rows stay")

        let generation = counts.first?.1 ?? 0
        _ = Update.update(&state, .matchesCounted(pane: .reviews, generation: generation - 1, MatchCount(count: 9, more: false)))
        #expect(state.reviews.matches == nil, "an answer to an older request is dropped")
        _ = Update.update(&state, .matchesCounted(pane: .reviews, generation: generation, MatchCount(count: 1, more: false)))
        #expect(state.reviews.matches == MatchCount(count: 1, more: false))

        // Esc clears the filter: the tab goes back to its plain count.
        _ = Update.update(&state, .key(.escape))
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.75)))
        #expect(state.reviews.countingQuery == nil)
        #expect(state.reviews.matches == nil)
    }

    @Test func countedMatchesFollowWhatEachTabCounts() {
        #expect(MembersPane.countedMatches(MemberFilter(includeDeleted: true)) == nil, "showing deleted rows narrows nothing")
        #expect(MembersPane.countedMatches(MemberFilter(text: "ana", includeDeleted: true)) == MemberFilter(text: "ana"))
        #expect(ReviewsPane.countedMatches(ReviewFilter()) == nil)
        #expect(ReviewsPane.countedMatches(ReviewFilter(statuses: [.open])) == ReviewFilter(statuses: [.open]))
        #expect(ReviewsPane.countedMatches(ReviewFilter(statuses: [.approved])) == nil, "approved ones are not counted")
        #expect(RedemptionsPane.countedMatches(RedemptionFilter()) == nil)
        #expect(RedemptionsPane.countedMatches(RedemptionFilter(pendingOnly: false, text: "x")) == RedemptionFilter(text: "x"))
        #expect(RedemptionsPane.countedMatches(RedemptionFilter(status: .payoutFailed))
                == RedemptionFilter(status: .payoutFailed))
        #expect(RedemptionsPane.countedMatches(RedemptionFilter(status: .paid)) == nil)
        #expect(ErrorLogPane.countedMatches(ErrorLogFilter(code: "rate_limited")) == ErrorLogFilter(code: "rate_limited"))
        #expect(ErrorLogPane.countedMatches(ErrorLogFilter(source: .console)) == nil, "the tab counts the platform's logs")
    }

    @Test func aSessionStartsFromWhatTheMirrorRecords() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-loading-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let mirror = try MirrorStore(path: path)

        var fresh = Fixtures.state()
        fresh.readLoading(from: mirror)
        #expect(Set(fresh.loading.lists.keys) == Set(ObjectKind.allCases), "a mirror never synced: every list is to load")
        #expect(fresh.reviews.progress == LoadProgress(loaded: 0))

        _ = try await mirror.beginBootstrap(head: "head_1", counts: ListCounts(members: 4, redemptions: 0, reviews: 3,
                                                                              requestLogs: 0))
        _ = try await mirror.applyBootstrapPage(.reviews(Fixtures.reviews.map(\.review)), previousLastId: nil,
                                                nextCursor: nil, isLast: true)
        _ = try await mirror.applyBootstrapPage(.members([Fixtures.members[0]]), previousLastId: nil, nextCursor: "c1",
                                                isLast: false)
        var resumed = Fixtures.state()
        resumed.readLoading(from: mirror)
        #expect(resumed.loading.lists[.review] == nil, "the queue was read in full")
        #expect(resumed.loading.lists[.member] == ListLoad(rows: 1, total: 4))
        #expect(resumed.members.progress == LoadProgress(loaded: 1, expected: 4))
        #expect(resumed.redemptions.progress == LoadProgress(loaded: 0, expected: 0))
        #expect(!resumed.loading.stale)
        #expect(resumed.loading.searchIndex == .pending)

        _ = try await mirror.applyBootstrapPage(.members(Array(Fixtures.members.dropFirst())),
                                                previousLastId: Fixtures.members[0].id, nextCursor: nil, isLast: true)
        _ = try await mirror.applyBootstrapPage(.redemptions([]), previousLastId: nil, nextCursor: nil, isLast: true)
        _ = try await mirror.applyBootstrapPage(.requestLogs([]), previousLastId: nil, nextCursor: nil, isLast: true)
        _ = try await mirror.completeBootstrap()
        try mirror.buildSearchIndex()
        var synced = Fixtures.state()
        synced.readLoading(from: mirror)
        #expect(!synced.loading.isLoading)
        #expect(synced.loading.searchIndex == .ready)
    }
}
