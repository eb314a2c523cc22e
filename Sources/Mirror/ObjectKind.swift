import RewardsContract

/// The four kinds of object the mirror keeps from lists and the feed.
public enum ObjectKind: String, Sendable, CaseIterable, Hashable {
    case member
    case redemption
    case review
    case requestLog = "request_log"

    var table: String {
        switch self {
        case .member: return "members"
        case .redemption: return "redemptions"
        case .review: return "reviews"
        case .requestLog: return "request_logs"
        }
    }
}

extension ListCounts {
    /// The count of one list, if the server sent it.
    public func total(of kind: ObjectKind) -> Int? {
        switch kind {
        case .member: return members
        case .redemption: return redemptions
        case .review: return reviews
        case .requestLog: return requestLogs
        }
    }
}
