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

    private init(baseURL: String, port: Int, environment: RewardsContract.Environment, clubId: String, keys: SandboxKeys,
                 store: SandboxStore, serviceGroup: ServiceGroup, running: Task<Void, Never>) {
        self.baseURL = baseURL
        self.port = port
        self.environment = environment
        self.clubId = clubId
        self.keys = keys
        self.store = store
        self.serviceGroup = serviceGroup
        self.running = running
    }

    /// Generates (or reopens) the data, binds, and returns once the server accepts connections.
    public static func start(_ options: SandboxOptions) async throws -> SandboxServer {
        let now = Date()
        let club = ClubIdentity(seed: options.seed)
        let keyRing = KeyRing(seed: options.seed, clubId: club.clubId)
        guard let keys = keyRing.publicKeys(for: options.environment),
              let decider = keyRing.key(environment: options.environment, role: .ops) else {
            throw SandboxError.unsupportedEnvironment(options.environment.rawValue)
        }
        let store = try await SandboxStore.open(options: options, club: club, deciderKeyId: decider.id, now: now)
        let api = SandboxAPI(
            authenticator: RequestAuthenticator(keyRing: keyRing, environment: options.environment),
            reads: ReadEndpoints(store: store, club: club, environment: options.environment),
            feed: FeedEndpoints(store: store),
            actions: ActionEndpoint(store: store))

        // Silent by default: a console drawing on the terminal must not get log lines in it.
        let logger = Logger(label: "rewards-ops.sandbox") { _ in SwiftLogNoOpLogHandler() }
        let (bound, boundContinuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            responder: SandboxResponder(api: api),
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
                             running: running)
    }

    /// One JSON line for scripts and the demo to read the address and keys from.
    public func startupLine() -> String {
        func key(_ key: SandboxKey) -> String {
            "{\"id\": \(JSONText.quoted(key.id)), \"secret\": \(JSONText.quoted(key.secret))}"
        }
        return "{\"baseUrl\": \(JSONText.quoted(baseURL)), \"environment\": \(JSONText.quoted(environment.rawValue)), "
            + "\"clubId\": \(JSONText.quoted(clubId)), \"keys\": {\"ops\": \(key(keys.ops)), "
            + "\"support\": \(key(keys.support))}}"
    }

    /// Stops accepting requests, releases long-polls, and waits for the server to finish.
    public func stop() async {
        await store.close()
        await serviceGroup.triggerGracefulShutdown()
        await running.value
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
