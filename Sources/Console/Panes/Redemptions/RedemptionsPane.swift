import Mirror
import RewardsContract
import Terminal

extension PaneID {
    public static let redemptions = PaneID("redemptions")
}

extension RedemptionRow: DecidableRow {
    var rowId: String { redemption.id }
    var rowVersion: Int { redemption.version }
}

/// Redemptions, oldest first: the pending ones unless `s` picks a status.
enum RedemptionsPane: Pane {
    static let id = PaneID.redemptions
    static let title = "Redemptions"
    static let showAction = ActionID.redemptionsPane
    static let initialFilter = RedemptionFilter()

    static func window(_ mirror: MirrorStore, _ filter: RedemptionFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RedemptionRow>] {
        try mirror.redemptionsWindow(filter, anchor: anchor, limit: limit)
    }

    static func count(_ counts: MirrorCounts) -> Int { counts.pendingRedemptions }

    static let shortTitle = "Redeem"

    static func bootstrapList(for filter: RedemptionFilter) -> ObjectKind? { .redemption }

    /// The tab counts pending redemptions: those the filter's text and status leave of them.
    static func countedMatches(_ filter: RedemptionFilter) -> RedemptionFilter? {
        let hasText = !filter.text.trimmingCharacters(in: .whitespaces).isEmpty
        if let status = filter.status {
            return status.isPending ? RedemptionFilter(status: status, text: filter.text) : nil
        }
        return hasText ? RedemptionFilter(text: filter.text) : nil
    }

    static func columns(_ rows: [RedemptionRow], _ pane: PaneState<Self>, _ state: AppState)
        -> [Column<RedemptionRow>] {
        // The id, status and outcome stay at 80 columns; tries, cash and the last error go
        // first, the member's name narrows.
        [
            DecisionColumns.markedId(rows, pane: id, state: state),
            Column(title: "Age", width: 5, alignRight: true, dropping: .rank(3),
                   text: { Format.age(from: $0.redemption.createdAt.date, to: state.now) }),
            Column(title: "Status", width: 16, dropping: .never, text: { $0.redemption.status.rawValue }, role: { row in
                switch row.redemption.status {
                case .payoutFailed: return .error
                case .escalated: return .queueEscalated
                case .pendingApproval: return .pending
                default: return nil
                }
            }),
            Column(title: "Member", width: 0, minWidth: 10, dropping: .rank(5), text: { $0.memberName ?? $0.redemption.memberId }),
            Column(title: "Points", width: 9, alignRight: true, dropping: .rank(6), text: { Format.points($0.redemption.points) }),
            Column(title: "Cash", width: 14, alignRight: true, dropping: .rank(2),
                   text: { Format.money($0.redemption.cashValueMinor, $0.redemption.currency) }),
            Column(title: "Tries", width: 5, alignRight: true, dropping: .rank(1), text: { String($0.redemption.payoutAttempts) }),
            Column(title: "Last error", width: 0, minWidth: 10, dropping: .rank(4),
                   text: { $0.redemption.lastError?.code.rawValue ?? "" }, role: { _ in .logCode }),
            DecisionColumns.outcome(rows, state: state),
        ]
    }

    static func emptyText(_ pane: PaneState<Self>) -> String { "No pending redemptions." }

    /// A refused decision on the selected row: why, and who won; otherwise the text filter.
    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? {
        if let refusal = pane.list.selectedRow.flatMap({ state.heldRefusals[$0.rowId]?.text }) { return refusal }
        return pane.filter.text.isEmpty ? nil : "Filter: \(pane.filter.text)  (/ to change, Esc clears it)"
    }

    static var textFilter: WritableKeyPath<RedemptionFilter, String>? { \.text }

    static func detail(for row: RedemptionRow) -> (any ItemDetail)? {
        RedemptionDetailState(redemptionId: row.redemption.id)
    }

    static func decision(on row: RedemptionRow, _ verb: ActionVerb) -> PendingAction? {
        DecisionOutcome.action(.redemption(RedemptionFacts(row)), verb)
    }

    static func memberId(of row: RedemptionRow) -> String? { row.redemption.memberId }

    static let statusCycle: [RedemptionStatus?] = [nil, .pendingApproval, .reserved, .payoutFailed, .escalated, .paid,
                                                    .rejected, .cancelled]

    /// `s`: from "pending" (the four pending statuses) to "all", then one status at a time.
    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]? {
        guard action == .cycleStatus else { return nil }
        var filter = state.panes[Self.self].filter
        if filter.status == nil && filter.pendingOnly {
            filter.pendingOnly = false
        } else {
            let index = statusCycle.firstIndex(of: filter.status) ?? 0
            let next = statusCycle[(index + 1) % statusCycle.count]
            filter.status = next
            filter.pendingOnly = next == nil
        }
        state.panes[Self.self].filter = filter
        state.flash = Flash(text: "Redemptions: \(describe(filter))", level: .info, at: state.now)
        return Update.load(&state, id, .top, .index(0))
    }

    static func describe(_ filter: RedemptionFilter) -> String {
        if let status = filter.status { return status.rawValue }
        return filter.pendingOnly ? "pending (pending_approval, reserved, payout_failed, escalated)" : "all statuses"
    }
}
