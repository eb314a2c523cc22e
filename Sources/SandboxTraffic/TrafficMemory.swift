import Synchronization

/// What the generated club systems remember of their recent calls, so that some later calls
/// can repeat or contradict them (a resend, a conflicting payload, a reused key).
final class TrafficMemory: Sendable {
    struct Settled: Sendable {
        let externalTransactionId: String
        let memberId: String
        let amountMinor: Int
    }

    struct Requested: Sendable {
        let externalRequestId: String
        let memberId: String
        let points: Int
    }

    struct Sent: Sendable {
        let target: String
        let json: String
        let idempotencyKey: String
    }

    private struct State {
        var settled: [Settled] = []
        var reversed: [String] = []
        var requested: [Requested] = []
        var sent: [Sent] = []
        var signedUp: [String] = []
    }

    private let state = Mutex(State())
    /// Enough to find something to repeat, small enough to stay recent.
    static let capacity = 256

    func remember(_ item: Settled) { state.withLock { Self.push(item, to: &$0.settled) } }
    func remember(reversed id: String) { state.withLock { Self.push(id, to: &$0.reversed) } }
    func remember(_ item: Requested) { state.withLock { Self.push(item, to: &$0.requested) } }
    func remember(_ item: Sent) { state.withLock { Self.push(item, to: &$0.sent) } }
    func remember(signedUp memberId: String) { state.withLock { Self.push(memberId, to: &$0.signedUp) } }

    func settled(_ pick: UInt64) -> Settled? { state.withLock { Self.item($0.settled, pick) } }
    func reversed(_ pick: UInt64) -> String? { state.withLock { Self.item($0.reversed, pick) } }
    func requested(_ pick: UInt64) -> Requested? { state.withLock { Self.item($0.requested, pick) } }
    func sent(_ pick: UInt64) -> Sent? { state.withLock { Self.item($0.sent, pick) } }

    /// A member the generator signed up, forgotten once taken (it is about to be erased).
    func takeSignedUp(_ pick: UInt64) -> String? {
        state.withLock { state in
            guard !state.signedUp.isEmpty else { return nil }
            return state.signedUp.remove(at: Int(pick % UInt64(state.signedUp.count)))
        }
    }

    private static func push<T>(_ item: T, to list: inout [T]) {
        if list.count >= capacity { list.removeFirst(list.count - capacity + 1) }
        list.append(item)
    }

    private static func item<T>(_ list: [T], _ pick: UInt64) -> T? {
        list.isEmpty ? nil : list[Int(pick % UInt64(list.count))]
    }
}
