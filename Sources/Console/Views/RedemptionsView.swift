import Mirror
import RewardsContract
import Terminal

enum RedemptionsView {
    static func columns(idWidth: Int, state: AppState) -> [Column<RedemptionRow>] {
        [
            Column(title: "ID", width: idWidth, text: { (state.marks[.redemptions]?[$0.redemption.id] != nil ? "● " : "") + $0.redemption.id },
                   role: { state.marks[.redemptions]?[$0.redemption.id] != nil ? .rowMarked : nil }),
            Column(title: "Age", width: 5, alignRight: true,
                   text: { Format.age(from: $0.redemption.createdAt.date, to: state.now) }),
            Column(title: "Status", width: 16, text: { $0.redemption.status.rawValue }, role: { row in
                switch row.redemption.status {
                case .payoutFailed: return .error
                case .escalated: return .queueEscalated
                case .pendingApproval: return .pending
                default: return nil
                }
            }),
            Column(title: "Member", width: 0, text: { $0.memberName ?? $0.redemption.memberId }),
            Column(title: "Points", width: 9, alignRight: true, text: { Format.points($0.redemption.points) }),
            Column(title: "Cash", width: 14, alignRight: true,
                   text: { Format.money($0.redemption.cashValueMinor, $0.redemption.currency) }),
            Column(title: "Tries", width: 5, alignRight: true, text: { String($0.redemption.payoutAttempts) }),
            Column(title: "Last error", width: 0, text: { $0.redemption.lastError?.code.rawValue ?? "" },
                   role: { _ in .logCode }),
            Column(title: "Action", width: 14, text: { row in
                OutboxLabel.text(state.outbox[row.redemption.id], rowVersion: row.redemption.version, now: state.now)?.0 ?? ""
            }, role: { row in OutboxLabel.text(state.outbox[row.redemption.id], rowVersion: row.redemption.version, now: state.now)?.1 }),
        ]
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let rows = state.redemptions.rows.map(\.object)
        TableView.render(into: &buffer, columns: columns(idWidth: IDWidth.of(rows.map(\.redemption.id)) + (state.marks[.redemptions]?.isEmpty ?? true ? 0 : 2), state: state),
                         rows: rows, selected: state.redemptions.selected, x: 0, y: y, width: state.columns,
                         height: height, emptyText: state.redemptions.loaded ? "No pending redemptions." : "Loading…")
    }
}
