import Mirror
import RewardsContract
import Terminal

extension PaneID {
    public static let members = PaneID("members")
}

extension Member: PaneRow {
    var rowId: String { id }
}

/// Every member of the club, by id; `/` searches name, e-mail, external ref and id.
enum MembersPane: Pane {
    static let id = PaneID.members
    static let title = "Members"
    static let showAction = ActionID.membersPane
    static let initialFilter = MemberFilter()

    static func window(_ mirror: MirrorStore, _ filter: MemberFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<Member>] {
        try mirror.membersWindow(filter, anchor: anchor, limit: limit)
    }

    static func count(_ counts: MirrorCounts) -> Int { counts.members }

    static func bootstrapList(for filter: MemberFilter) -> ObjectKind? { .member }

    /// The tab counts members not deleted: a text filter's matches among them.
    static func countedMatches(_ filter: MemberFilter) -> MemberFilter? {
        filter.text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : MemberFilter(text: filter.text)
    }

    static func columns(_ rows: [Member], _ pane: PaneState<Self>, _ state: AppState) -> [Column<Member>] {
        // At 80 columns the balances after the first go before a name gets too short to read.
        [
            Column(title: "ID", width: IDWidth.of(rows.map(\.id)), dropping: .never, text: { $0.id }),
            Column(title: "Name", width: 0, minWidth: 10, dropping: .rank(5), text: { $0.name }),
            Column(title: "Email", width: 0, minWidth: 10, dropping: .rank(3), text: { $0.email }),
            Column(title: "Status", width: 9, dropping: .never, text: { $0.status.rawValue }, role: { member in
                member.status == .active ? nil : (member.status == .suspended ? .warn : .textDim)
            }),
            Column(title: "Available", width: 10, alignRight: true, dropping: .rank(4),
                   text: { Format.points($0.pointsAvailable) }),
            Column(title: "Pending", width: 9, alignRight: true, dropping: .rank(2), text: { Format.points($0.pointsPending) }),
            Column(title: "Lifetime", width: 10, alignRight: true, dropping: .rank(1),
                   text: { Format.points($0.pointsLifetime) }),
        ]
    }

    static func emptyText(_ pane: PaneState<Self>) -> String {
        pane.filter.text.isEmpty ? "No members in the mirror yet." : "No member matches “\(pane.filter.text)”."
    }

    static func messageLine(_ pane: PaneState<Self>, _ state: AppState) -> String? {
        pane.filter.text.isEmpty ? nil : "Filter: \(pane.filter.text)  (/ to change, Esc clears it)"
    }

    static var textFilter: WritableKeyPath<MemberFilter, String>? { \.text }

    static func detail(for row: Member) -> (any ItemDetail)? { MemberDetailState(memberId: row.id) }

    static func perform(_ action: ActionID, _ state: inout AppState) -> [Command]? {
        guard action == .toggleDeleted else { return nil }
        state.panes[Self.self].filter.includeDeleted.toggle()
        let shown = state.panes[Self.self].filter.includeDeleted
        state.flash = Flash(text: shown ? "Showing soft-deleted members" : "Hiding soft-deleted members", level: .info,
                            at: state.now)
        return Update.load(&state, id, .top, .index(0))
    }
}
