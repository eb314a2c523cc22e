import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal
import Testing
@testable import Console

/// The tab bar and the status line at 80×24, 120×40 and 200×60 (#18, #14): every tab stays,
/// labels abbreviate first; the status line keeps "? help  q quit", drops its least important
/// parts first and never cuts one mid-word; progress, stale and filtered counts show.
@Suite struct BarRenderTests {
    static let sizes: [(columns: Int, rows: Int)] = [(80, 24), (120, 40), (200, 60)]
    static let hint = "? help  q quit"

    /// A busy session: members loading, a profile, a long club name, a last error.
    static func busy(columns: Int, rows: Int, total: Int? = 1_000_000) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.counts.members = 340_000
        state.counts.pendingRedemptions = 1_234
        state.counts.openReviews = 17
        state.counts.escalatedReviews = 2
        state.counts.requestLogs = 376
        state.profileName = "staging"
        state.lastErrorCode = "insufficient_points_balance"
        state.identity = Me(keyId: "mr_test_abcdefghijklmnopqrstuvwx", clubId: "club_18k1i56emphif",
                            clubName: "Nordlicht Rewards Club of the Northern Coast", environment: .test, role: .ops)
        state.loading.lists = [.member: ListLoad(rows: 340_000, total: total, rowsPerSecond: 104_000,
                                                 etaSeconds: total.map { Double($0 - 340_000) / 104_000 })]
        state.sync = .bootstrapping(kind: "member", rows: 340_000)
        Update.syncPaneProgress(&state)
        return state
    }

    /// The members' tab filtered to 12 of 1,878, nothing loading.
    static func filtered(columns: Int, rows: Int) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.counts.members = 1_878
        state.counts.pendingRedemptions = 1_234
        state.counts.openReviews = 19
        state.counts.requestLogs = 376
        state.members.filter.text = "ana"
        state.members.matchesQuery = state.members.countingQuery
        state.members.matches = MatchCount(count: 12, more: false)
        return state
    }

    static func tabBar(_ state: AppState) -> String { RootView.render(state).row(0) }
    static func statusLine(_ state: AppState) -> String { RootView.render(state).row(state.rows - 1) }

    /// The status line's parts as drawn, between the badge and the hint.
    static func shownParts(_ state: AppState) -> [String] {
        var line = statusLine(state)
        if let hint = line.range(of: Self.hint) { line = String(line[..<hint.lowerBound]) }
        return line.components(separatedBy: StatusBarView.separator).dropFirst()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func everyTabStaysAtEverySizeAndAbbreviatesBeforeAnyGoes() {
        for (columns, rows) in Self.sizes {
            let bar = Self.tabBar(Self.busy(columns: columns, rows: rows))
            #expect(TextWidth.columns(bar) == columns)
            #expect(bar.hasSuffix(" TEST "), "the badge stays at the right: \(bar)")
            for number in 1...4 { #expect(bar.contains(" \(number) "), "tab \(number) at \(columns): \(bar)") }
            if columns == 80 {
                #expect(bar.contains("4 Errors 376"), "\(bar)")
                #expect(bar.contains("2 Redeem 1,234"), "\(bar)")
                #expect(!bar.contains("rewards-ops"), "the product name goes first: \(bar)")
            } else {
                #expect(bar.contains("rewards-ops"), "\(bar)")
                #expect(bar.contains("4 Error log 376"), "\(bar)")
                #expect(bar.contains("3 Review queue 19"), "\(bar)")
            }
            #expect(bar.contains("1 Members 340,000… 34%"), "loading, with its share of the head's total: \(bar)")
        }
    }

    @Test func countsOfATenantOfSizeStaySpelledOutAt80Columns() {
        var state = Fixtures.state(columns: 80, rows: 24)
        state.counts.members = 282_324
        state.counts.pendingRedemptions = 25_330
        state.counts.openReviews = 13_579
        state.counts.escalatedReviews = 0
        state.counts.requestLogs = 59_759
        let bar = Self.tabBar(state)
        #expect(bar == " 1 Members 282,324   2 Redeem 25,330   3 Reviews 13,579   4 Errors 59,759  TEST ", "\(bar)")
    }

    @Test func aFilteredTabSaysHowManyOfAllAtEverySize() {
        for (columns, rows) in Self.sizes {
            let bar = Self.tabBar(Self.filtered(columns: columns, rows: rows))
            #expect(bar.contains("1 Members 12 of 1,878"), "at \(columns)×\(rows): \(bar)")
            #expect(bar.contains("4 ") && bar.contains(" 376 "))
        }
        var counting = Self.filtered(columns: 120, rows: 40)
        counting.members.matches = nil
        #expect(Self.tabBar(counting).contains("1 Members … of 1,878"), "counting: \(Self.tabBar(counting))")
        counting.members.matches = MatchCount(count: 1_000, more: true)
        #expect(Self.tabBar(counting).contains("1 Members 1,000+ of 1,878"), "\(Self.tabBar(counting))")
    }

    @Test func theClickedTabIsTheOneDrawnThere() {
        for (columns, rows) in Self.sizes {
            let state = Self.busy(columns: columns, rows: rows)
            let bar = Self.tabBar(state)
            for pane in PaneTable.ids {
                let number = "\(PaneTable.number(of: pane))"
                let range = try? #require(bar.range(of: " \(number) "))
                guard let range else { continue }
                let x = bar.distance(from: bar.startIndex, to: range.lowerBound) + 1
                #expect(TabBarView.pane(at: x, state) == pane, "column \(x) at \(columns): \(bar)")
            }
        }
    }

    @Test func theStatusLineKeepsTheHintAndCutsNoPartMidWord() {
        for (columns, rows) in Self.sizes {
            var states = [Self.busy(columns: columns, rows: rows)]
            var stale = Self.busy(columns: columns, rows: rows)
            stale.loading.stale = true
            var readOnly = Self.busy(columns: columns, rows: rows, total: nil)
            readOnly.identity?.role = .support
            var live = Self.filtered(columns: columns, rows: rows)
            live.lastErrorCode = "insufficient_points_balance"
            live.profileName = "staging"
            live.counts.outboxPending = 3
            states += [stale, readOnly, live]
            for state in states {
                let line = Self.statusLine(state)
                #expect(TextWidth.columns(line) == columns)
                #expect(line.hasSuffix(" \(Self.hint) "), "the hint stays at \(columns)×\(rows): \(line)")
                #expect(line.hasPrefix(" TEST "))
                let forms = Set(StatusParts.of(state, bar: .statusBar).flatMap(\.forms))
                for part in Self.shownParts(state) {
                    #expect(forms.contains(part), "'\(part)' is one of its whole forms at \(columns): \(line)")
                }
            }
        }
    }

    @Test func theLeastImportantPartsGoFirst() {
        let wide = Self.statusLine(Self.busy(columns: 200, rows: 60))
        for part in ["profile staging", "loading members 340,000 of ~1,000,000 · 104,000/s · ETA 7s",
                     "last error insufficient_points_balance", "Nordlicht Rewards Club"] {
            #expect(wide.contains(part), "at 200 there is room for '\(part)': \(wide)")
        }
        let narrow = Self.statusLine(Self.busy(columns: 80, rows: 24))
        #expect(narrow.contains("loading members"), "progress stays: \(narrow)")
        #expect(!narrow.contains("Nordlicht"), "the club goes before progress: \(narrow)")
        let middle = Self.statusLine(Self.busy(columns: 120, rows: 40))
        #expect(middle.contains("loading members 340,000 of ~1,000,000"), "\(middle)")
        #expect(middle.contains("error insufficient_points_balance"), "the last error whole at 120: \(middle)")
    }

    @Test func progressHasAnETAOnlyWhenTheHeadSentATotal() {
        for (columns, rows) in Self.sizes {
            let counted = Self.statusLine(Self.busy(columns: columns, rows: rows))
            #expect(counted.contains("ETA 7s") || counted.contains("34%"), "\(columns): \(counted)")
            let uncounted = Self.statusLine(Self.busy(columns: columns, rows: rows, total: nil))
            #expect(!uncounted.contains("ETA"), "no invented ETA: \(uncounted)")
            #expect(!uncounted.contains("~") && !uncounted.contains("%"), "\(uncounted)")
            #expect(uncounted.contains("loading members"), "\(uncounted)")
            if columns >= 120 {
                #expect(uncounted.contains("loading members 340,000 · 104,000/s"), "\(uncounted)")
            }
        }
    }

    @Test func staleRowsStayOnScreenMarkedAtEverySize() {
        for (columns, rows) in Self.sizes {
            var state = Self.busy(columns: columns, rows: rows)
            state.loading.stale = true
            state.pane = .reviews
            let frame = RootView.render(state)
            #expect(frame.text().contains("rev_001"), "the old rows stay")
            #expect(frame.row(rows - 1).contains("stale"), "\(columns): \(frame.row(rows - 1))")
            state.loading = LoadingState()
            state.sync = .live(since: Fixtures.now)
            #expect(!Self.statusLine(state).contains("stale"))
        }
    }
}
