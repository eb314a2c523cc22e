import Synchronization

/// The faults drawn for one request.
struct FaultDecision: Sendable {
    /// Answered instead of the request, which is therefore not applied.
    enum Early: Sendable, Equatable {
        case internalError
        case unavailable(retryAfter: Int)
        case rateLimited(retryAfter: Int)
    }

    /// Done to the answer of a request that was applied.
    enum Late: Sendable, Equatable {
        case badGateway
        case reset
    }

    var early: Early?
    var late: Late?
    var delay: Duration?
    var duplicateFeedEntry = false
    var reorderFeedEntry = false
    /// Where in a feed page the feed faults land.
    var position: UInt64 = 0

    static let none = FaultDecision()
}

/// Draws each request's faults from the current settings, which tests and the demo may change
/// while the server runs.
final class FaultInjector: Sendable {
    private struct State {
        var settings: FaultSettings
        var arrivals: UInt64 = 0
    }

    private let state: Mutex<State>

    init(_ settings: FaultSettings) {
        state = Mutex(State(settings: settings))
    }

    var settings: FaultSettings { state.withLock { $0.settings } }

    /// New settings also restart the arrival count, so that a test that sets them gets the
    /// same sequence of faults on every run.
    func set(_ settings: FaultSettings) {
        state.withLock { $0 = State(settings: settings) }
    }

    func draw() -> FaultDecision {
        let (settings, arrival) = state.withLock { state in
            defer { state.arrivals += 1 }
            return (state.settings, state.arrivals)
        }
        guard settings.isEnabled else { return .none }
        // Every value is drawn whatever the outcome, so one request's draw does not shift the next.
        var rng = SeededGenerator(seed: settings.seed, stream: 31, index: arrival)
        let roll = Double.random(in: 0..<1, using: &rng)
        let retryAfter = Int.random(in: settings.retryAfterSeconds, using: &rng)
        let slowRoll = Double.random(in: 0..<1, using: &rng)
        let slowFor = Double.random(in: settings.slowSeconds, using: &rng)
        var decision = FaultDecision()
        decision.duplicateFeedEntry = rng.chance(settings.duplicateFeedEntries)
        decision.reorderFeedEntry = rng.chance(settings.reorderedFeedEntries)
        decision.position = rng.next()

        var edge = 0.0
        func hit(_ rate: Double) -> Bool {
            defer { edge += rate }
            return roll >= edge && roll < edge + rate
        }
        if hit(settings.internalError) {
            decision.early = .internalError
        } else if hit(settings.unavailable) {
            decision.early = .unavailable(retryAfter: retryAfter)
        } else if hit(settings.rateLimited) {
            decision.early = .rateLimited(retryAfter: retryAfter)
        } else if hit(settings.badGateway) {
            decision.late = .badGateway
        } else if hit(settings.reset) {
            decision.late = .reset
        }
        if slowRoll < settings.slow { decision.delay = .milliseconds(Int(slowFor * 1000)) }
        return decision
    }
}
