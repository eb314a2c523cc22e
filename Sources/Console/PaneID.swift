/// The four panes, in tab order.
public enum PaneID: Int, CaseIterable, Sendable, Hashable {
    case members = 0
    case redemptions
    case reviews
    case errors

    public var title: String {
        switch self {
        case .members: return "Members"
        case .redemptions: return "Redemptions"
        case .reviews: return "Review queue"
        case .errors: return "Error log"
        }
    }

    public var next: PaneID { PaneID(rawValue: (rawValue + 1) % PaneID.allCases.count) ?? .members }
    public var previous: PaneID {
        PaneID(rawValue: (rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count) ?? .members
    }
}
