import RewardsContract

/// How to start a sandbox. Everything it generates follows from `seed` and `members`.
public struct SandboxOptions: Sendable {
    public var host: String
    /// 0 picks a free port; read the real one from `SandboxServer.port`.
    public var port: Int
    public var members: Int
    public var seed: UInt64
    public var environment: RewardsContract.Environment
    /// nil keeps the state in memory; a path keeps it in that SQLite file across restarts.
    public var statePath: String?
    /// Feed entries kept; older ones are dropped and cursors before them get 410 `cursor_expired`.
    /// Set it small to exercise a client's re-bootstrap.
    public var feedHistoryLimit: Int
    /// Requests per second each key may make (contract §9); nil is no limit.
    public var rateLimit: Int?
    /// Advertise each key's budget in `RateLimit-Limit` / `RateLimit-Remaining` headers (with a
    /// `rateLimit`): an extension beyond the contract, for clients that read such headers.
    public var rateLimitHeaders: Bool
    /// Lists whose every page is held this long before it is read; change them later with
    /// `SandboxServer.setListDelays(_:)`.
    public var listDelays: ListDelays
    /// Faults injected into HTTP answers; change them later with `SandboxServer.setFaults(_:)`.
    public var faults: FaultSettings
    /// The club's settings when the state is generated; a reopened state file keeps its own.
    public var club: ClubSettings

    public init(host: String = "127.0.0.1", port: Int = 0, members: Int = 200, seed: UInt64 = 1,
                environment: RewardsContract.Environment = .test, statePath: String? = nil,
                feedHistoryLimit: Int = 100_000, rateLimit: Int? = nil, rateLimitHeaders: Bool = false,
                faults: FaultSettings = .none, listDelays: ListDelays = .none, club: ClubSettings = ClubSettings()) {
        self.host = host
        self.port = port
        self.members = members
        self.seed = seed
        self.environment = environment
        self.statePath = statePath
        self.feedHistoryLimit = feedHistoryLimit
        self.rateLimit = rateLimit
        self.rateLimitHeaders = rateLimitHeaders
        self.listDelays = listDelays
        self.faults = faults
        self.club = club
    }
}
