import Synchronization

/// Holds the pages of the lists `ListDelays` slows. Tests may change the delays while the
/// server runs; a held page is released early when the server stops, so a long delay never
/// holds up a shutdown.
final class ListDelayer: Sendable {
    private let delays: Mutex<ListDelays>
    private let signal: FeedSignal

    init(_ delays: ListDelays, signal: FeedSignal) {
        self.delays = Mutex(delays)
        self.signal = signal
    }

    var current: ListDelays { delays.withLock { $0 } }

    func set(_ delays: ListDelays) {
        self.delays.withLock { $0 = delays }
    }

    /// Returns after the list's delay (at once for a list without one).
    func hold(_ list: ListDelays.List) async {
        guard let delay = delays.withLock({ $0[list] }), delay > .zero else { return }
        let deadline = ContinuousClock.now.advanced(by: min(delay, ListDelays.maximum))
        // The signal also wakes on every commit; only its closing (or the deadline) ends the wait.
        while ContinuousClock.now < deadline, await signal.wait(beyond: .max, until: deadline) {}
    }
}
