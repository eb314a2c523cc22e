import Foundation
import Terminal
import Testing
@testable import Console

/// Every pane's table at 80×24, the on-call engineer's SSH terminal, and at 200×60: the columns
/// that carry state (the id, the status, the outcome of a decision, the request id) stay whole,
/// names and free text narrow first, and no line runs past the screen's edge.
@Suite struct EverySizeRenderTests {
    enum View: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case members, redemptions, reviews, errorSummary, errorDrillDown, errorSearch, memberDetail
        var testDescription: String { rawValue }
    }

    struct Size: Sendable, Hashable, CustomTestStringConvertible {
        var columns: Int
        var rows: Int
        static let small = Size(columns: 80, rows: 24)
        static let large = Size(columns: 200, rows: 60)
        var testDescription: String { "\(columns)×\(rows)" }
    }

    /// The fixture rows with a decision waiting in the outbox on one review and one that failed
    /// on a redemption, so the Action column has something to show.
    static func state(_ view: View, _ size: Size) throws -> AppState {
        switch view {
        case .errorDrillDown:
            return SizeFixtures.drilledState(columns: size.columns, rows: size.rows)
        case .errorSearch:
            // `/req_` from the summary: every code's matches, so the code is a column again.
            var state = SizeFixtures.drilledState(columns: size.columns, rows: size.rows)
            state.errors.filter.code = nil
            state.errors.filter.text = "req_"
            return state
        case .memberDetail:
            return SizeFixtures.memberDetailState(columns: size.columns, rows: size.rows)
        case .members, .redemptions, .reviews, .errorSummary:
            let pane: PaneID = [.members: .members, .redemptions: .redemptions, .reviews: .reviews][view] ?? .errors
            var state = SizeFixtures.state(pane, columns: size.columns, rows: size.rows)
            let review = SizeFixtures.reviews[0].review
            state.outbox[review.id] = try OutboxFixture.entry(objectId: review.id, state: "queued",
                                                              baseVersion: review.version,
                                                              sendAfter: Fixtures.now.addingTimeInterval(4))
            let redemption = SizeFixtures.redemptions[0].redemption
            state.outbox[redemption.id] = try OutboxFixture.entry(objectId: redemption.id, state: "failed",
                                                                  baseVersion: redemption.version)
            return state
        }
    }

    /// What must be on screen whole at every size: the state the operator acts on.
    static func stateText(_ view: View) -> [String] {
        switch view {
        case .members:
            return SizeFixtures.memberIds + ["Status", "active", "suspended"]
        case .redemptions:
            return SizeFixtures.redemptions.map(\.redemption.id)
                + ["Status", "payout_failed", "pending_approval", "Action", "✗ version_conflict"]
        case .reviews:
            return SizeFixtures.reviews.map(\.review.id)
                + ["Status", "open", "escalated", "Short", "1,770", "Lvl", "Action", "⏳ sends in 4s"]
        case .errorSummary:
            return ErrorLogFixtures.groups.map(\.code).map(Inert.text) + ["Count", "1,234", "Peak/h", "24h ago", "now"]
        case .errorDrillDown:
            return SizeFixtures.logs.map(\.requestId) + ["Request ID", "HTTP", "422", "Object", SizeFixtures.memberIds[0]]
        case .errorSearch:
            return SizeFixtures.logs.map(\.requestId)
                + ["Request ID", "Code", "insufficient_points_balance", "Object", SizeFixtures.memberIds[0]]
        case .memberDetail:
            return [SizeFixtures.memberIds[0], "active", "-12,000", "+13,000", "red_3t4jv5shprdev"]
        }
    }

    /// The lines below the tab bar at 80×24 (the tab bar and status line are tested on their own).
    static func eightyColumns(_ view: View) -> [String] {
        switch view {
        case .members:
            return [
                "ID                Name            Email           Status     Available   Pending",
                "mem_3n9b4at24zl6h Maximiliane vo… mem_3n9b4at24z… active         1,250        10",
                "mem_0ccwb7ctmijvq فاطمة الزهراء   mem_0ccwb7ctmi… active           120        10",
                "mem_7yq2kd0s1mxa4 鈴木 一郎       mem_7yq2kd0s1m… suspended  1,234,567        10",
            ]
        case .redemptions:
            return [
                "ID                  Age Status           Member        Points Action",
                "red_3t4jv5shprdev    1h payout_failed    Maximilia…    12,000 ✗ version_conflict",
                "red_9x8w7v6u5t4s3    1m pending_approval 鈴木 一郎      1,500",
            ]
        case .reviews:
            return [
                "ID                Status      Age    Short Member             Lvl Action",
                "rev_3le2n5yzg08m0 open       497d    1,770 فاطمة الزهراء        0 ⏳ sends in 4s",
                "rev_0ccwb7ctmijvc escalated    2h      380 Maximiliane von H…   2",
            ]
        case .errorSummary:
            return [
                "Code                          Count 24h ago              now Peak/h HTTP  Seen",
                "insufficient_points_balance   1,234                   ▂  ▁▄█      8  422    2m",
                "unavailable                       2                       █       1  503    1h",
                "�mystery_code�                    1                               —  418    2d",
            ]
        case .errorDrillDown:
            return [
                "Age HTTP Retry Path       Message     Object            Request ID",
                " 2m  422 no    /v1/redem… The member… mem_3n9b4at24zl6h req_IKs9kbkXVhEknLJ9XaQ1",
                " 1h  422 no    /v1/redem… The member…                   req_Zq81mmAAbbCCddEEffGg",
            ]
        case .errorSearch:
            return [
                "Age HTTP Code                        Object            Request ID",
                " 2m  422 insufficient_points_balance mem_3n9b4at24zl6h req_IKs9kbkXVhEknLJ9XaQ1",
                " 1h  422 insufficient_points_balance                   req_Zq81mmAAbbCCddEEffGg",
            ]
        case .memberDetail:
            return [
                " Maximiliane von Hohenzollern-Sigmarin…  mem_3n9b4at24zl6h · active",
                " mem_3n9b4at24zl6h@example.org · ref ext-mem_3n9b4at24zl6h · EUR · payout detail",
                " Available 1,250 · pending 10 · lifetime 1,750   ✓ the ledger sums to 1,250",
                " Redemptions: 1, pending: red_3t4jv5shprdev 12,000 pts payout_failed",
                " Reviews: 1, undecided: rev_0ccwb7ctmijvc escalated (manual_review_required)",
                "",
                "When                Kind        Points Balance Reference",
                "2026-11-22 07:11:07 redemption -12,000   1,250 red_3t4jv5shprdev",
                "2026-11-21 08:41:07 earn       +13,000  13,250 tx_2026-11-20-0042-very-long-ref…",
            ]
        }
    }

    @Test(arguments: View.allCases)
    func atEightyByTwentyFour(view: View) throws {
        let lines = RootView.render(try Self.state(view, .small)).lines()
        let expected = Self.eightyColumns(view)
        for (offset, line) in expected.enumerated() {
            // Trailing blanks are the row's background.
            let drawn = String(lines[1 + offset].reversed().drop { $0 == " " }.reversed())
            #expect(drawn == line, "\(view), line \(1 + offset)")
        }
    }

    @Test(arguments: View.allCases, [Size.small, Size.large])
    func theStateColumnsStayWholeAndNoLineRunsOver(view: View, size: Size) throws {
        let lines = RootView.render(try Self.state(view, size)).lines()
        #expect(lines.count == size.rows)
        for (index, line) in lines.enumerated() {
            #expect(TextWidth.columns(line) <= size.columns, "line \(index) is \(TextWidth.columns(line)) wide: \(line)")
        }
        let screen = lines.joined(separator: "\n")
        for text in Self.stateText(view) {
            #expect(screen.contains(text), "\(view) at \(size.testDescription) lost “\(text)”:\n\(screen)")
        }
    }

    /// At 200 columns nothing needs to give way: names, messages and references are whole.
    @Test(arguments: View.allCases)
    func aWideScreenCutsNothing(view: View) throws {
        // Below the tab bar, whose "… of 2" is a filter's match count still on its way (its
        // fitting is BarRenderTests' business).
        let lines = RootView.render(try Self.state(view, .large)).lines()
        let screen = lines.dropFirst().joined(separator: "\n")
        #expect(!screen.contains("…"), "\(view) cut something at 200 columns:\n\(screen)")
    }

    @Test func atEightyColumnsNamesShrinkBeforeTheStateColumnsGo() throws {
        let members = RootView.render(try Self.state(.members, .small)).lines()
        #expect(members[2].contains("Maximiliane vo…"), "the name narrows")
        #expect(!members[1].contains("Lifetime"), "a balance is left out before the status")
        let reviews = RootView.render(try Self.state(.reviews, .small)).lines()
        #expect(!reviews[1].contains("Kind") && !reviews[1].contains("Requested"), "kind and amounts give way")
    }
}
