import Mirror

extension ObjectKind {
    /// The list's name in messages: "members", "request logs".
    var listName: String {
        switch self {
        case .member: return "members"
        case .redemption: return "redemptions"
        case .review: return "reviews"
        case .requestLog: return "request logs"
        }
    }

    /// The list's endpoint (§6).
    var listPath: String {
        switch self {
        case .member: return "/v1/members"
        case .redemption: return "/v1/redemptions"
        case .review: return "/v1/reviews"
        case .requestLog: return "/v1/request-logs"
        }
    }
}

extension ObjectKind {
    /// What a bootstrap adds to the list's query: members come with the soft-deleted ones,
    /// which the mirror keeps as such.
    var bootstrapQuery: [(String, String)] {
        self == .member ? [("includeDeleted", "true")] : []
    }
}
