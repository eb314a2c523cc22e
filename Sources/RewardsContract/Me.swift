/// `GET /v1/me`: who the key is.
public struct Me: Codable, Hashable, Sendable {
    public var keyId: String
    public var clubId: String
    public var clubName: String
    public var environment: Environment
    public var role: Role

    public init(keyId: String, clubId: String, clubName: String, environment: Environment, role: Role) {
        self.keyId = keyId; self.clubId = clubId; self.clubName = clubName
        self.environment = environment; self.role = role
    }
}

/// `GET /v1/changes/head`.
public struct FeedHead: Codable, Hashable, Sendable {
    public var cursor: String
    /// Each list's row count when the head was read (§6, §11): a hint for progress and ETAs,
    /// never a check. Absent on servers that do not send it.
    public var counts: ListCounts?
    public init(cursor: String, counts: ListCounts? = nil) { self.cursor = cursor; self.counts = counts }
}

/// `counts` of `GET /v1/changes/head`: any key may be missing, and the lists may have grown
/// by the time they are read.
public struct ListCounts: Codable, Hashable, Sendable {
    public var members: Int?
    public var redemptions: Int?
    public var reviews: Int?
    public var requestLogs: Int?
    public init(members: Int? = nil, redemptions: Int? = nil, reviews: Int? = nil, requestLogs: Int? = nil) {
        self.members = members; self.redemptions = redemptions; self.reviews = reviews; self.requestLogs = requestLogs
    }
}
