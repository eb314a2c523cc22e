import Mirror
import RewardsContract
import Terminal

enum ReviewsView {
    static func columns(idWidth: Int, state: AppState) -> [Column<ReviewRow>] {
        [
            Column(title: "ID", width: idWidth, text: { (state.marks[.reviews]?[$0.review.id] != nil ? "● " : "") + $0.review.id },
                   role: { state.marks[.reviews]?[$0.review.id] != nil ? .rowMarked : nil }),
            Column(title: "Status", width: 9, text: { $0.review.status.rawValue }, role: { row in
                switch row.review.status {
                case .open: return .queueOpen
                case .escalated: return .queueEscalated
                case .approved: return .queueApproved
                default: return nil
                }
            }),
            Column(title: "Age", width: 5, alignRight: true, text: { Format.age(from: $0.review.createdAt.date, to: state.now) }),
            Column(title: "Kind", width: 8, text: { $0.review.kind.rawValue }),
            Column(title: "Reason", width: 0, text: { $0.review.reasonCode }),
            Column(title: "Requested", width: 9, alignRight: true, text: { Format.points($0.review.pointsRequested) }),
            Column(title: "Available", width: 9, alignRight: true, text: { Format.points($0.review.pointsAvailable) }),
            Column(title: "Short", width: 8, alignRight: true, text: { Format.points($0.review.shortfall) },
                   role: { $0.review.shortfall > 0 ? .warn : nil }),
            Column(title: "Member", width: 0, text: { $0.memberName ?? $0.review.memberId }),
            Column(title: "Lvl", width: 3, alignRight: true, text: { String($0.review.escalationLevel) }),
            Column(title: "Action", width: 14, text: { row in
                OutboxLabel.text(state.outbox[row.review.id], rowVersion: row.review.version, now: state.now)?.0 ?? ""
            }, role: { row in OutboxLabel.text(state.outbox[row.review.id], rowVersion: row.review.version, now: state.now)?.1 }),
        ]
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let rows = state.reviews.rows.map(\.object)
        TableView.render(into: &buffer, columns: columns(idWidth: IDWidth.of(rows.map(\.review.id)) + (state.marks[.reviews]?.isEmpty ?? true ? 0 : 2), state: state),
                         rows: rows, selected: state.reviews.selected, x: 0, y: y, width: state.columns, height: height,
                         emptyText: state.reviews.loaded ? "The review queue is empty." : "Loading…")
    }
}
