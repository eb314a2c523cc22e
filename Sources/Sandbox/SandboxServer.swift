import Foundation
import Hummingbird
import Logging
import RewardsContract
import ServiceLifecycle

/// An in-process platform server that speaks the contract, for tests, the demo and
/// development without a real account.
public final class SandboxServer: Sendable {
    public let baseURL: String
    public let port: Int
    public let environment: RewardsContract.Environment
    public let clubId: String
    public let keys: SandboxKeys

    private let store: SandboxStore
    private let serviceGroup: ServiceGroup
    private let running: Task<Void, Never>
    private let faultInjector: FaultInjector
    private let rateLimiter: RateLimiter
    private let listDelayer: ListDelayer

    private init(baseURL: String, port: Int, environment: RewardsContract.Environment, clubId: String, keys: SandboxKeys,
                 store: SandboxStore, serviceGroup: ServiceGroup, running: Task<Void, Never>,
                 faultInjector: FaultInjector, rateLimiter: RateLimiter, listDelayer: ListDelayer) {
        self.baseURL = baseURL
        self.port = port
        self.environment = environment
        self.clubId = clubId
        self.keys = keys
        self.store = store
        self.serviceGroup = serviceGroup
        self.running = running
        self.faultInjector = faultInjector
        self.rateLimiter = rateLimiter
        self.listDelayer = listDelayer
    }

    /// Generates (or reopens) the data, binds, and returns once the server accepts connections.
    public static func start(_ options: SandboxOptions) async throws -> SandboxServer {
        let now = Date()
        let club = ClubIdentity(seed: options.seed)
        let otherClub = ClubIdentity.other(seed: options.seed)
        let keyRing = KeyRing(seed: options.seed, clubId: club.clubId, otherClubId: otherClub.clubId)
        guard let keys = keyRing.publicKeys(for: options.environment),
              let decider = keyRing.key(environment: options.environment, role: .ops) else {
            throw SandboxError.unsupportedEnvironment(options.environment.rawValue)
        }
        let store = try await SandboxStore.open(options: options, club: club, deciderKeyId: decider.id, now: now)
        let faultInjector = FaultInjector(options.faults)
        let rateLimiter = RateLimiter(perSecond: options.rateLimit)
        let listDelayer = ListDelayer(options.listDelays, signal: store.signal)
        let pipeline = PostPipeline(store: store)
        var api = SandboxAPI(
            authenticator: RequestAuthenticator(keyRing: keyRing, environment: options.environment, clubId: club.clubId),
            club: club,
            reads: ReadEndpoints(store: store, club: club, environment: options.environment, delayer: listDelayer),
            feed: FeedEndpoints(store: store),
            actions: ActionEndpoint(pipeline: pipeline),
            integrations: IntegrationEndpoints(pipeline: pipeline),
            foreign: ForeignClubEndpoints(club: otherClub, environment: options.environment,
                                          epoch: store.epoch + "-" + otherClub.clubId, signal: store.signal),
            rateLimiter: rateLimiter)
        api.advertisesRateLimit = options.rateLimitHeaders

        // Silent by default: a console drawing on the terminal must not get log lines in it.
        let logger = Logger(label: "rewards-ops.sandbox") { _ in SwiftLogNoOpLogHandler() }
        let (bound, boundContinuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: SandboxResponder(api: api, faults: faultInjector, recorder: RequestLogRecorder(store: store)),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
            onServerRunning: { channel in
                boundContinuation.yield(.success(channel.localAddress?.port ?? options.port))
                boundContinuation.finish()
            },
            logger: logger)
        let serviceGroup = ServiceGroup(services: [app], logger: logger)
        let running = Task {
            do {
                try await serviceGroup.run()
                boundContinuation.yield(.failure(SandboxError.stoppedBeforeListening))
            } catch {
                boundContinuation.yield(.failure(error))
            }
            boundContinuation.finish()
        }
        var result: Result<Int, any Error> = .failure(SandboxError.stoppedBeforeListening)
        for await first in bound {
            result = first
            break
        }
        let port: Int
        do {
            port = try result.get()
        } catch {
            await serviceGroup.triggerGracefulShutdown()
            await running.value
            await store.close()
            throw error
        }
        return SandboxServer(baseURL: "http://\(options.host):\(port)", port: port, environment: options.environment,
                             clubId: club.clubId, keys: keys, store: store, serviceGroup: serviceGroup,
                             running: running, faultInjector: faultInjector, rateLimiter: rateLimiter,
                             listDelayer: listDelayer)
    }

    /// One JSON line for scripts and the demo to read the address and keys from. Besides the
    /// keys to use (`ops`, a second ops key `ops2`, `support`, and the traffic generator's
    /// `integration`), `keys` holds keys that must be refused: `wrongEnv` (an ops key of the
    /// other environment) and `otherClub` (an ops key of another club, whose id it also gives).
    public func startupLine() -> String {
        var named: [(name: StaticString, key: SandboxKey, clubId: String?)] = [
            ("ops", keys.ops, nil), ("ops2", keys.ops2, nil), ("support", keys.support, nil),
        ]
        if let wrongEnv = keys.wrongEnv { named.append(("wrongEnv", wrongEnv, nil)) }
        if let otherClub = keys.otherClub { named.append(("otherClub", otherClub, keys.otherClubId)) }
        if let integration = keys.integration { named.append(("integration", integration, nil)) }
        var out = JSONBytes(capacity: 1024)
        out.raw("{\"baseUrl\": "); out.string(baseURL)
        out.raw(", \"environment\": "); out.string(environment.rawValue)
        out.raw(", \"clubId\": "); out.string(clubId)
        out.raw(", \"keys\": {")
        for (index, entry) in named.enumerated() {
            if index > 0 { out.raw(", ") }
            out.raw("\""); out.raw(entry.name); out.raw("\": {\"id\": "); out.string(entry.key.id)
            out.raw(", \"secret\": "); out.string(entry.key.secret)
            if let clubId = entry.clubId { out.raw(", \"clubId\": "); out.string(clubId) }
            out.raw("}")
        }
        out.raw("}}")
        return out.text
    }

    /// Stops accepting requests, releases long-polls and held list pages, and waits for the
    /// server to finish. Stop a traffic generator first: its calls would fail meanwhile.
    public func stop() async {
        await store.close()
        await serviceGroup.triggerGracefulShutdown()
        await running.value
    }

    /// The lists slowed from now on (see `SandboxOptions.listDelays`).
    public var listDelays: ListDelays { listDelayer.current }

    public func setListDelays(_ delays: ListDelays) {
        listDelayer.set(delays)
    }

    /// The faults injected into HTTP answers from now on (in-process calls never see them).
    public var faults: FaultSettings { faultInjector.settings }

    public func setFaults(_ settings: FaultSettings) {
        faultInjector.set(settings)
    }

    /// Requests per second each key may make from now on; nil lifts the limit.
    public func setRateLimit(_ perSecond: Int?) {
        rateLimiter.setLimit(perSecond)
    }

    /// The club's stored settings, balances included.
    public func clubSettings() async throws -> ClubSettings {
        try await store.queue.read { db in try MetaValues.clubSettings(db) }
    }

    /// Changes the club's stored settings, for example to put it in a state that one of the
    /// `partner_*` error codes describes.
    public func updateClub(_ change: @escaping @Sendable (inout ClubSettings) -> Void) async throws {
        try await store.write { transaction in try transaction.updateSettings(change) }
    }

    /// A hard purge of a member, as for a data erasure request: deletes in the feed for its
    /// redemptions, reviews and itself. False when there is no such member.
    @discardableResult
    public func purgeMember(id: String) async throws -> Bool {
        try await store.write { transaction in try Erasure.purgeMember(id, in: transaction) }
    }

    /// Random realistic mutations, each one at least one feed entry.
    public func simulateActivity(steps: Int, seed: UInt64) async throws {
        try await ActivitySimulator(store: store).run(steps: steps, seed: seed)
    }

    /// Every current object, each list sorted by id.
    public func snapshot() async throws -> SandboxSnapshot {
        try await store.snapshot()
    }

    /// Every ledger entry of a member, oldest first.
    public func ledger(memberId: String) async throws -> [LedgerEntry] {
        try await store.ledger(memberId: memberId)
    }

    /// What the club's own systems know of their data, for the traffic generator to pick from.
    package var trafficPicks: TrafficPicks { TrafficPicks(store: store) }

    /// Runs `body` with the incident open, so that calls made meanwhile meet a club in that
    /// trouble (the stored settings stay as they are).
    package func during<T: Sendable>(_ incident: ClubIncident, _ body: () async -> T) async -> T {
        await store.during(incident, body)
    }
}

public enum SandboxError: Error, Sendable, CustomStringConvertible {
    case unsupportedEnvironment(String)
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .unsupportedEnvironment(let name): return "The sandbox runs in test or live, not '\(name)'."
        case .stoppedBeforeListening: return "The sandbox server stopped before it was listening."
        }
    }
}
