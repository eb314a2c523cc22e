import Mirror
import RewardsContract
import Terminal

enum MembersView {
    static func columns(idWidth: Int) -> [Column<Member>] {
        [
            Column(title: "ID", width: idWidth, text: { $0.id }),
            Column(title: "Name", width: 0, text: { $0.name }),
            Column(title: "Email", width: 0, text: { $0.email }),
            Column(title: "Status", width: 9, text: { $0.status.rawValue }, role: { member in
                member.status == .active ? nil : (member.status == .suspended ? .warn : .textDim)
            }),
            Column(title: "Available", width: 10, alignRight: true, text: { Format.points($0.pointsAvailable) }),
            Column(title: "Pending", width: 9, alignRight: true, text: { Format.points($0.pointsPending) }),
            Column(title: "Lifetime", width: 10, alignRight: true, text: { Format.points($0.pointsLifetime) }),
        ]
    }

    static func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        let rows = state.members.rows.map(\.object)
        let empty = state.members.loaded
            ? (state.memberFilter.text.isEmpty ? "No members in the mirror yet." : "No member matches “\(state.memberFilter.text)”.")
            : "Loading…"
        TableView.render(into: &buffer, columns: columns(idWidth: IDWidth.of(rows.map(\.id))), rows: rows,
                         selected: state.members.selected, x: 0, y: y, width: state.columns, height: height,
                         emptyText: empty)
    }
}

enum IDWidth {
    /// As wide as the widest id on screen, within reason.
    static func of(_ ids: [String]) -> Int {
        min(26, max(6, ids.map { TextWidth.columns($0) }.max() ?? 6))
    }
}
