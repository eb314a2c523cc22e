import Synchronization

/// The per-key rate limit of contract §9 and §11: a token bucket of one second's worth of
/// requests per key. A request past the limit is refused with a `Retry-After`, and the key stays
/// refused until that time has passed, whatever its bucket holds by then.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
        var blockedUntil: ContinuousClock.Instant?
    }

    private struct State {
        /// Requests per second; nil is no limit (injected 429s still block).
        var limit: Int?
        var buckets: [String: Bucket] = [:]
    }

    private let state: Mutex<State>

    init(perSecond limit: Int?) {
        state = Mutex(State(limit: limit.flatMap { $0 > 0 ? $0 : nil }))
    }

    var limit: Int? { state.withLock { $0.limit } }

    func setLimit(_ limit: Int?) {
        state.withLock { $0 = State(limit: limit.flatMap { $0 > 0 ? $0 : nil }) }
    }

    /// nil admits the request; otherwise the whole seconds to put in `Retry-After`.
    func admit(keyId: String, now: ContinuousClock.Instant = .now) -> Int? {
        state.withLock { state in
            if let until = state.buckets[keyId]?.blockedUntil, until > now {
                return Self.wholeSeconds(until - now)
            }
            guard let limit = state.limit else { return nil }
            var bucket = state.buckets[keyId] ?? Bucket(tokens: Double(limit), updated: now)
            bucket.blockedUntil = nil
            bucket.tokens = min(Double(limit), bucket.tokens + Self.seconds(now - bucket.updated) * Double(limit))
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                state.buckets[keyId] = bucket
                return nil
            }
            let wait = max(1, Int(((1 - bucket.tokens) / Double(limit)).rounded(.up)))
            bucket.blockedUntil = now.advanced(by: .seconds(wait))
            state.buckets[keyId] = bucket
            return wait
        }
    }

    /// The limit and the whole requests the key may still make at once, after the ones
    /// admitted so far; nil without a limit.
    func headroom(keyId: String) -> (limit: Int, remaining: Int)? {
        state.withLock { state in
            guard let limit = state.limit else { return nil }
            let tokens = state.buckets[keyId]?.tokens ?? Double(limit)
            return (limit, max(0, Int(tokens.rounded(.down))))
        }
    }

    /// Refuses the key for the next `seconds` (an injected 429 behaves as a real one).
    func block(keyId: String, seconds: Int, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            var bucket = state.buckets[keyId] ?? Bucket(tokens: Double(state.limit ?? 0), updated: now)
            bucket.blockedUntil = now.advanced(by: .seconds(seconds))
            state.buckets[keyId] = bucket
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A Retry-After is whole seconds and never 0 while the block runs.
    private static func wholeSeconds(_ duration: Duration) -> Int {
        max(1, Int(seconds(duration).rounded(.up)))
    }
}
