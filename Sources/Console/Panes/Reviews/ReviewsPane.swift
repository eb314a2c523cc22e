import Mirror
import RewardsContract
import SyncEngine
import Terminal

extension PaneID {
    public static let reviews = PaneID("reviews")
}

extension ReviewRow: DecidableRow {
    var rowId: String { review.id }
    var rowVersion: Int { review.version }
}

/// The `manual_review_required` queue: open reviews first (oldest first), then escalated,
/// then approved.
enum ReviewsPane: Pane {
    static let id = PaneID.reviews
    static let title = "Review queue"
    static let showAction = ActionID.reviewsPane
    static let initialFilter = ReviewFilter()

    static func window(_ mirror: MirrorStore, _ filter: ReviewFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<ReviewRow>] {
        try mirror.reviewsWindow(filter, anchor: anchor, limit: limit)
    }

    static func count(_ counts: MirrorCounts) -> Int { counts.openReviews + counts.escalatedReviews }

    static let shortTitle = "Reviews"

    static func bootstrapList(for filter: ReviewFilter) -> ObjectKind? { .review }

    /// The tab counts open and escalated reviews: those the filter's text and statuses leave of them.
    static func countedMatches(_ filter: ReviewFilter) -> ReviewFilter? {
        guard filter != initialFilter else { return nil }
        let counted: [ReviewStatus] = [.open, .escalated]
        let statuses = filter.statuses.isEmpty ? counted : filter.statuses.filter(counted.contains)
        return statuses.isEmpty ? nil : ReviewFilter(statuses: statuses, text: filter.text)
    }

    static func columns(_ rows: [ReviewRow], _ pane: PaneState<Self>, _ state: AppState) -> [Column<ReviewRow>] {
        // The id, status, shortfall, level and outcome stay at 80 columns; the amounts, the
        // kind and the reason go first, the member's name narrows.
        [
            DecisionColumns.markedId(rows, pane: id, state: state),
            Column(title: "Status", width: 9, dropping: .never, text: { $0.review.status.rawValue }, role: { row in
                switch row.review.status {
                case .open: return .queueOpen
                case .escalated: return .queueEscalated
                case .approved: return .queueApproved
                default: return nil
                }
            }),
            Column(title: "Age", width: 5, alignRight: true, dropping: .rank(5),
                   text: { Format.age(from: $0.review.createdAt.date, to: state.now) }),
            Column(title: "Kind", width: 8, dropping: .rank(1), text: { $0.review.kind.rawValue }),
            Column(title: "Reason", width: 0, minWidth: 10, dropping: .rank(4), text: { $0.review.reasonCode }),
            Column(title: "Requested", width: 9, alignRight: true, dropping: .rank(2),
                   text: { Format.points($0.review.pointsRequested) }),
            Column(title: "Available", width: 9, alignRight: true, dropping: .rank(3),
                   text: { Format.points($0.review.pointsAvailable) }),
            Column(title: "Short", width: 8, alignRight: true, dropping: .rank(7), text: { Format.points($0.review.shortfall) },
                   role: { $0.review.shortfall > 0 ? .warn : nil }),
            Column(title: "Member", width: 0, minWidth: 10, dropping: .rank(6), text: { $0.memberName ?? $0.review.memberId }),
            Column(title: "Lvl", width: 3, alignRight: true, dropping: .never, text: { String($0.review.escalationLevel) }),
            DecisionColumns.outcome(rows, state: state),
        ]
    }

    static func emptyText(_ pane: PaneState<Self>) -> String { "The review queue is empty." }

    /// A refused decision on the selected row: why, and who won; otherwise the text filter.
    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? {
        if let refusal = pane.list.selectedRow.flatMap({ state.heldRefusals[$0.rowId]?.text }) { return refusal }
        return pane.filter.text.isEmpty ? nil : "Filter: \(pane.filter.text)  (/ to change, Esc clears it)"
    }

    static var textFilter: WritableKeyPath<ReviewFilter, String>? { \.text }

    static func detail(for row: ReviewRow) -> (any ItemDetail)? { ReviewDetailState(reviewId: row.review.id) }

    static func decisionRefusal(_ row: ReviewRow) -> String? { DecisionRules.closed(row.review) }

    static func decision(on row: ReviewRow, _ verb: ActionVerb) -> PendingAction? {
        DecisionOutcome.action(.review(ReviewFacts(row)), verb)
    }

    static func memberId(of row: ReviewRow) -> String? { row.review.memberId }

    static let statusCycle: [ReviewStatus?] = [nil, .open, .escalated, .approved]

    /// `s`: all statuses, open, escalated, approved.
    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]? {
        guard action == .cycleStatus else { return nil }
        let filter = state.panes[Self.self].filter
        let index = statusCycle.firstIndex(of: filter.statuses.first) ?? 0
        let next = statusCycle[(index + 1) % statusCycle.count]
        state.panes[Self.self].filter = ReviewFilter(statuses: next.map { [$0] } ?? [], text: filter.text)
        state.flash = Flash(text: "Review queue: \(next?.rawValue ?? "all statuses")", level: .info, at: state.now)
        return Update.load(&state, id, .top, .index(0))
    }
}
