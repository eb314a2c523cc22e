import RewardsContract

public struct SandboxKey: Sendable, Codable, Hashable {
    public let id: String
    public let secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}

/// The keys of the server's own environment, one per role, and keys that must be refused.
public struct SandboxKeys: Sendable, Codable, Hashable {
    public let ops: SandboxKey
    /// A second ops key of the same club, as a second operator would have: two consoles
    /// deciding the same item can tell whose action won (`lastActionBy`).
    public let ops2: SandboxKey
    public let support: SandboxKey
    /// An ops key of the same club in the other environment: refused with 401 `unauthorized`.
    public let wrongEnv: SandboxKey?
    /// An ops key of another club (`otherClubId`): valid, but its club has no data here, and
    /// with `clubId` of this club it is refused with 401 `unauthorized`.
    public let otherClub: SandboxKey?
    public let otherClubId: String?
    /// The ops key the traffic generator calls with, so that it has its own rate limit.
    public let integration: SandboxKey?

    public init(ops: SandboxKey, ops2: SandboxKey, support: SandboxKey, wrongEnv: SandboxKey? = nil, otherClub: SandboxKey? = nil,
                otherClubId: String? = nil, integration: SandboxKey? = nil) {
        self.ops = ops
        self.ops2 = ops2
        self.support = support
        self.wrongEnv = wrongEnv
        self.otherClub = otherClub
        self.otherClubId = otherClubId
        self.integration = integration
    }
}
