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
    public init(cursor: String) { self.cursor = cursor }
}
