import Foundation
import Mirror
import Terminal
import Testing
@testable import Console

/// The table of panes: every pane listed once, in tab order, each with its state, and the
/// generic table saying "loading" while a list is still on its way into the mirror.
@Suite struct PaneTableTests {
    @Test func everyPaneIsListedOnceInTabOrderWithItsState() {
        #expect(PaneTable.ids == [.members, .redemptions, .reviews, .errors])
        #expect(Set(PaneTable.ids).count == PaneTable.ids.count)
        let panes = PaneStates()
        for id in PaneTable.ids { #expect(panes[id].id == id) }
        #expect(PaneTable.next(after: .errors) == .members)
        #expect(PaneTable.previous(before: .members) == .errors)
        #expect(PaneTable.all.map { $0.showAction } == [.membersPane, .redemptionsPane, .reviewsPane, .errorsPane])
    }

    @Test func anEmptyListStillLoadingSaysHowFarItHasCome() {
        var state = Fixtures.state()
        state.reviews.list.apply([], select: .index(0))
        #expect(RootView.render(state).lines()[3].contains("The review queue is empty."))
        state.reviews.progress = LoadProgress(loaded: 340_000, expected: 1_000_000)
        #expect(RootView.render(state).lines()[3].contains("Loading… 340,000 of ~1,000,000"))
        state.reviews.progress = LoadProgress(loaded: 12)
        #expect(RootView.render(state).lines()[3].contains("Loading… 12 so far"))
    }

    @Test func aWindowForAnotherPanesRowsIsDropped() {
        var state = Fixtures.state()
        let generation = state.reviews.list.generation
        let members = Fixtures.rows(Fixtures.members, key: \.id)
        _ = Update.update(&state, .windowLoaded(pane: .reviews, generation: generation, rows: PaneWindow(members),
                                                select: .index(0), outbox: [:]))
        #expect(state.reviews.list.rows.map(\.object.review.id) == ["rev_001", "rev_002", "rev_003"])
    }

    @Test func queriesCompareByPaneAndFilter() {
        #expect(PaneQuery(ReviewsPane.self, ReviewFilter(text: "a")) == PaneQuery(ReviewsPane.self, ReviewFilter(text: "a")))
        #expect(PaneQuery(ReviewsPane.self, ReviewFilter(text: "a")) != PaneQuery(ReviewsPane.self, ReviewFilter(text: "b")))
        #expect(PaneQuery(ReviewsPane.self, ReviewFilter()).filter(as: MemberFilter.self) == nil)
    }
}
