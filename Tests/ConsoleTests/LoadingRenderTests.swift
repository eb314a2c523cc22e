import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal
import Testing
@testable import Console

/// Every pane while its list's bootstrap is unfinished (#14): it never says it is empty, it
/// says how far the list has come; once the list is in, the same empty window says empty.
@Suite struct LoadingRenderTests {
    /// What each pane says when its list is complete and it has no row.
    static let emptyTexts: [(pane: PaneID, empty: String)] = [
        (.members, "No members in the mirror yet."),
        (.redemptions, "No pending redemptions."),
        (.reviews, "The review queue is empty."),
        (.errors, "No failed requests logged."),
    ]

    /// The console on `pane`, every pane's window answered with no row, the lists in `loading`
    /// still being read.
    static func emptyState(on pane: PaneID, loading: [ObjectKind: ListLoad], columns: Int = 120,
                           rows: Int = 24) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.pane = pane
        state.members.list.apply([], select: .index(0), atStart: true)
        state.redemptions.list.apply([], select: .index(0), atStart: true)
        state.reviews.list.apply([], select: .index(0), atStart: true)
        state.errors.list.apply([], select: .index(0), atStart: true)
        state.errors.extra.groups = []
        state.errors.extra.groupsLoaded = true
        state.loading.lists = loading
        if !loading.isEmpty { state.sync = .bootstrapping(kind: "member", rows: 0) }
        Update.syncPaneProgress(&state)
        return state
    }

    static func list(of pane: PaneID, _ state: AppState) throws -> ObjectKind {
        try #require(state.panes[pane].bootstrapList, "\(pane) is filled by a bootstrap")
    }

    @Test(arguments: emptyTexts.map(\.pane))
    func anEmptyPaneWhoseListLoadsSaysHowFarItHasComeNeverEmpty(pane: PaneID) throws {
        let empty = try #require(Self.emptyTexts.first { $0.pane == pane }?.empty)
        let kind = try Self.list(of: pane, Self.emptyState(on: pane, loading: [:]))
        for (columns, rows) in [(80, 24), (120, 40), (200, 60)] {
            let counted = RootView.render(Self.emptyState(on: pane, loading: [kind: ListLoad(rows: 340, total: 1_000)],
                                                          columns: columns, rows: rows)).text()
            #expect(counted.contains("Loading… 340 of ~1,000"), "\(pane) at \(columns)×\(rows):\n\(counted)")
            #expect(!counted.contains(empty))
            #expect(!counted.lowercased().contains("empty"))

            let uncounted = RootView.render(Self.emptyState(on: pane, loading: [kind: ListLoad(rows: 340)],
                                                            columns: columns, rows: rows)).text()
            #expect(uncounted.contains("Loading… 340 so far"), "no total from the head: no '~'\n\(uncounted)")
            #expect(!uncounted.contains(empty))

            let started = RootView.render(Self.emptyState(on: pane, loading: [kind: ListLoad(rows: 0, total: 1_000)],
                                                          columns: columns, rows: rows)).text()
            #expect(started.contains("Loading… 0 of ~1,000"), "\(started)")
            #expect(!started.contains(empty))
        }
        // The same empty window once the list is in: now it is empty, and says so.
        let finished = RootView.render(Self.emptyState(on: pane, loading: [:])).text()
        #expect(finished.contains(empty), "\(finished)")
        #expect(!finished.contains("Loading…"))
    }

    /// A load that cannot move says why, at 80 columns too: offline, or the sync stopped.
    @Test func aLoadThatCannotMoveSaysWhy() {
        var offline = Self.emptyState(on: .reviews, loading: [.review: ListLoad(rows: 0)], columns: 80)
        offline.sync = .offline(since: Fixtures.now, code: "transport_error")
        let text = RootView.render(offline).text()
        #expect(text.contains("Loading… — paused: platform unreachable (transport_error), retrying"), "\(text)")
        var failed = offline
        failed.sync = .failed(code: "unauthorized", message: "This is a live key; this server runs in test.")
        // Wrapped at 80 columns, not cut.
        let stopped = RootView.render(failed).text().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(stopped.contains("— stopped: This is a live key; this server runs in test. (unauthorized)"), "\(stopped)")
        failed.sync = .failed(code: "internal_error", message: "")
        #expect(RootView.render(failed).text().contains("— stopped: the sync failed (internal_error)"))
        var moving = offline
        moving.sync = .bootstrapping(kind: "review", rows: 0)
        #expect(!RootView.render(moving).text().contains("paused"))
        // A list that is in says it is empty, offline or not.
        var done = Self.emptyState(on: .reviews, loading: [:], columns: 80)
        done.sync = .offline(since: Fixtures.now, code: "transport_error")
        let doneText = RootView.render(done).text()
        #expect(doneText.contains("The review queue is empty.") && !doneText.contains("paused"))
    }

    @Test func anotherListLoadingDoesNotMakeAFinishedPaneLoad() {
        let text = RootView.render(Self.emptyState(on: .reviews, loading: [.member: ListLoad(rows: 340, total: 1_000)])).text()
        #expect(text.contains("The review queue is empty."), "the queue is complete: empty is true\n\(text)")
        #expect(!text.contains("Loading… 340"))
    }

    @Test func aFilterThatMatchesNothingYetSaysTheListStillLoads() {
        var state = Self.emptyState(on: .members, loading: [.member: ListLoad(rows: 340_000, total: 1_000_000)])
        state.members.filter.text = "zzz"
        let text = RootView.render(state).text()
        #expect(text.contains("Nothing matches in the 340,000 of ~1,000,000 loaded so far; still loading…"), "\(text)")
        #expect(!text.contains("No member matches"))
    }

    @Test func anEmptyErrorLogCodeWhileRequestLogsLoadSaysLoading() {
        var state = Self.emptyState(on: .errors, loading: [.requestLog: ListLoad(rows: 12, total: 90)])
        state.errors.extra.mode = .rows
        let text = RootView.render(state).text()
        #expect(text.contains("Loading… 12 of ~90"), "\(text)")
        #expect(!text.contains("No failures of this code"))
    }

    @Test func aListFinishedWhileItsPaneIsHiddenStopsLoadingOnItsTabAtOnce() {
        var state = Fixtures.state(columns: 120, rows: 40)
        state.pane = .reviews
        _ = Update.update(&state, LoadingUpdateTests.passStarted(totals: [.redemption: 50]))
        _ = Update.update(&state, LoadingUpdateTests.page(.redemption, rows: 20, total: 50))
        #expect(RootView.render(state).row(0).contains("2 Redemptions 2… 40%"), "\(RootView.render(state).row(0))")
        _ = Update.update(&state, .sync(.progress(.listFinished(kind: .redemption, rows: 50))))
        let tabs = RootView.render(state).row(0)
        #expect(tabs.contains("2 Redemptions 2 "), "no window read yet, but the list is in: \(tabs)")
        #expect(!tabs.contains("2 Redemptions 2…"))
        #expect(state.redemptions.progress != nil, "the hidden pane itself waits for a window read after the end")
    }

    @Test func membersBrowsableWhileLoadingShowTheirRowsAndATabThatSaysSo() {
        var state = Fixtures.state(columns: 120, rows: 40)
        state.pane = .members
        state.counts.members = 340_000
        state.loading.lists = [.member: ListLoad(rows: 340_000, total: 1_000_000, rowsPerSecond: 50_000,
                                                 etaSeconds: 13.2)]
        state.sync = .bootstrapping(kind: "member", rows: 340_000)
        Update.syncPaneProgress(&state)
        let frame = RootView.render(state)
        #expect(frame.text().contains("mem_001"), "the rows loaded so far are on screen")
        #expect(frame.row(0).contains("1 Members 340,000… 34%"), "\(frame.row(0))")
        #expect(frame.row(39).contains("loading members 340,000 of ~1,000,000 · 50,000/s · ETA 14s"), "\(frame.row(39))")
    }

    @Test func aMemberFilterSaysWhatItSearchedWhileLoadingAndIndexing() {
        var state = Fixtures.state(columns: 120, rows: 40)
        state.pane = .members
        state.members.filter.text = "ana"
        state.loading.lists = [.member: ListLoad(rows: 340_000, total: 1_000_000)]
        state.loading.searchIndex = .pending
        Update.syncPaneProgress(&state)
        let loading = RootView.render(state).row(38)
        #expect(loading.contains("340k of ~1M loaded · by scan, no index yet"), "\(loading)")

        state.loading.lists = [:]
        state.loading.searchIndex = .building(indexed: 250_000, members: 1_000_000)
        Update.syncPaneProgress(&state)
        let indexing = RootView.render(state).row(38)
        #expect(indexing.contains("the index covers 250,000 of 1,000,000, a scan the rest"), "\(indexing)")
        #expect(!indexing.contains("loaded"), "every member is loaded now: \(indexing)")

        state.loading.searchIndex = .ready
        #expect(!RootView.render(state).row(38).contains("index"), "a whole index needs no note")
    }
}
