/// Every pane, in tab order: the one place a new pane is listed.
public enum PaneTable {
    static let all: [any Pane.Type] = [MembersPane.self, RedemptionsPane.self, ReviewsPane.self, ErrorLogPane.self]

    public static let ids: [PaneID] = all.map { $0.id }

    static func kind(_ id: PaneID) -> any Pane.Type {
        all[index(of: id)]
    }

    /// Its position in the tab order; an unlisted pane is a programming error.
    static func index(of id: PaneID) -> Int {
        guard let index = ids.firstIndex(of: id) else { preconditionFailure("pane \(id) is not in PaneTable.all") }
        return index
    }

    public static func title(of id: PaneID) -> String { kind(id).title }

    /// The number shown on its tab (and its key).
    public static func number(of id: PaneID) -> Int { index(of: id) + 1 }

    public static func next(after id: PaneID) -> PaneID { ids[(index(of: id) + 1) % ids.count] }

    public static func previous(before id: PaneID) -> PaneID { ids[(index(of: id) + ids.count - 1) % ids.count] }

    /// The pane an action such as `membersPane` shows.
    static func pane(shownBy action: ActionID) -> PaneID? {
        all.first { $0.showAction == action }?.id
    }
}
