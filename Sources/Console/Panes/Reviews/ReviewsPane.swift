import Mirror
import RewardsContract
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

    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? {
        pane.filter.text.isEmpty ? nil : "Filter: \(pane.filter.text)  (/ to change, Esc clears it)"
    }

    static func emptyText(_ pane: PaneState<Self>) -> String { "The review queue is empty." }

    static var textFilter: WritableKeyPath<ReviewFilter, String>? { \.text }

    static func detail(for row: ReviewRow) -> (any ItemDetail)? { MemberDetailState(memberId: row.review.memberId) }

    static func decisionRefusal(_ row: ReviewRow) -> String? {
        row.review.status == .approved ? "\(row.review.id) is already approved" : nil
    }

    static func decision(on row: ReviewRow, _ verb: ActionVerb) -> PendingAction? {
        let review = row.review
        let who = row.memberName.map { Inert.text($0) } ?? review.memberId
        return PendingAction(subject: .review, objectId: review.id, verb: verb, expectedVersion: review.version, summary: [
            "\(verb == .approve ? "Approve" : "Escalate") review \(review.id)",
            "\(review.kind.rawValue) · \(review.reasonCode) · member \(who)",
            "requested \(Format.points(review.pointsRequested)) pts, available \(Format.points(review.pointsAvailable)), shortfall \(Format.points(review.shortfall))",
            verb == .approve ? "The platform will apply it; the queue row turns approved."
                : "Escalation level \(review.escalationLevel) → \(review.escalationLevel + 1).",
        ])
    }

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
