import Foundation
import RewardsContract
import Sandbox
import Synchronization

/// What the generated calls got back: how many (a retry counts as a call), and each outcome's
/// count (an error code, "ok", "http_502" for a proxy page, or "transport_failure").
public struct TrafficReport: Sendable, Hashable {
    public var calls = 0
    public var outcomes: [String: Int] = [:]

    public init() {}
}

/// The club's own systems, simulated: the calls of contract §10 over HTTP, as a club's shop,
/// CRM and payout provider would make them, plus a steady share of mistakes so that the request
/// log fills with the contract's codes. It signs with `keys.integration`, which has its own
/// rate limit, and meets the same checks and faults as any client. It picks whom to call about
/// from the sandbox's data in-process (`TrafficPicks`), as a club's systems know their own
/// members; every change goes over HTTP.
public final class TrafficGenerator: Sendable {
    let client: TrafficClient
    let picks: TrafficPicks
    let memory = TrafficMemory()
    let server: SandboxServer
    let key: SandboxKey
    let readOnlyKey: SandboxKey
    let otherClubId: String
    let currency: String
    /// Makes this run's external ids unique, so a restart on a state file does not resend them.
    let runTag: String
    private let report = Mutex(TrafficReport())
    /// Mistakes take turns, so a few hundred steps already show every one of them.
    private let mistakes = Mutex<Int>(0)
    private let loop = Mutex<Task<Void, Never>?>(nil)

    /// The share of steps that are mistakes.
    static let mistakeShare = 0.15

    /// The club's systems of this sandbox, idle until `start` or `run`.
    public init(server: SandboxServer) {
        client = TrafficClient(baseURL: server.baseURL)
        picks = server.trafficPicks
        self.server = server
        key = server.keys.integration ?? server.keys.ops
        readOnlyKey = server.keys.support
        otherClubId = server.keys.otherClubId ?? "club_other"
        currency = picks.currency
        var random = SystemRandomNumberGenerator()
        runTag = Mix64.base36(random.next(), width: 13).suffix(8).uppercased()
    }

    /// Runs `steps` steps one after another (each one to three integration calls over HTTP)
    /// and reports what their calls got back.
    public func run(steps: Int, seed: UInt64) async -> TrafficReport {
        let before = report.withLock { $0 }
        for index in 0..<UInt64(max(steps, 0)) where !Task.isCancelled {
            await step(index, seed: seed)
        }
        let after = report.withLock { $0 }
        var delta = TrafficReport()
        delta.calls = after.calls - before.calls
        for (outcome, count) in after.outcomes where count != before.outcomes[outcome] {
            delta.outcomes[outcome] = count - (before.outcomes[outcome] ?? 0)
        }
        return delta
    }

    /// About `rate` steps per second until `stop()`, spread over a few workers so that one slow
    /// answer does not hold the others up. A running generator is stopped first.
    public func start(stepsPerSecond rate: Int, seed: UInt64) async {
        await stop()
        guard rate > 0 else { return }
        let workers = max(1, min(rate, 16))
        let task = Task.detached { [self] in
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask { await self.work(worker: worker, of: workers, rate: rate, seed: seed) }
                }
            }
        }
        loop.withLock { $0 = task }
    }

    /// Stops the steps in flight and waits for them to end.
    public func stop() async {
        let task = loop.withLock { loop in
            defer { loop = nil }
            return loop
        }
        task?.cancel()
        await task?.value
    }

    /// Everything the generator's calls got back since it was made.
    public var totals: TrafficReport { report.withLock { $0 } }

    private func work(worker: Int, of workers: Int, rate: Int, seed: UInt64) async {
        let start = ContinuousClock.now
        var index = UInt64(worker)
        while !Task.isCancelled {
            let due = start.advanced(by: .nanoseconds(Int64(Double(index) / Double(rate) * 1e9)))
            if due > .now { try? await Task.sleep(until: due, clock: .continuous) }
            guard !Task.isCancelled else { break }
            await step(index, seed: seed)
            index += UInt64(workers)
        }
    }

    /// One step: a flow of one to three calls, or one mistake.
    func step(_ index: UInt64, seed: UInt64) async {
        var rng = SeededGenerator(seed: seed, stream: 41, index: index)
        let tag = "\(runTag)-\(seed)-\(index)"
        do {
            if rng.chance(Self.mistakeShare) {
                let turn = mistakes.withLock { turn in
                    defer { turn += 1 }
                    return turn
                }
                try await make(TrafficMistake.allCases[turn % TrafficMistake.allCases.count], tag: tag, using: &rng)
            } else {
                try await perform(rng.weighted(TrafficFlow.weights), tag: tag, using: &rng)
            }
        } catch {
            // Only an in-process pick can throw, when the store is closing: the step is dropped.
        }
    }

    // MARK: Calls

    /// Sends one POST with a fresh idempotency key (unless told otherwise) and counts its outcome.
    @discardableResult
    func post(_ target: String, _ fields: [String: JSONValue], tag: String, key: SandboxKey? = nil,
              idempotencyKey: String?? = nil, signing: TrafficClient.Signing = .valid,
              rawJSON: String? = nil) async -> TrafficClient.Answer {
        let json = rawJSON ?? Self.json(fields)
        // Distinct calls of one step get distinct keys; the same call twice would replay.
        let idempotency = idempotencyKey ?? "trf-\(tag)-" + Mix64.base36(Mix64.hash(target + "\n" + json), width: 6)
        let answer = await client.post(target, json: json, key: key ?? self.key, idempotencyKey: idempotency,
                                       signing: signing) { attempt in
            report.withLock { report in
                report.calls += 1
                report.outcomes[attempt.outcome, default: 0] += 1
            }
        }
        if let idempotency, let status = answer.status, Self.storedStatuses.contains(status) {
            memory.remember(TrafficMemory.Sent(target: target, json: json, idempotencyKey: idempotency))
        }
        return answer
    }

    /// The answers a server stores under their idempotency key (contract §11): only those can
    /// be replayed or contradicted later.
    static let storedStatuses: Set<Int> = [200, 404, 409, 422]

    static func json(_ fields: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(JSONValue.object(fields))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
