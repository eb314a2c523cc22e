import Synchronization
import Terminal

/// The runtime's side of `TerminalEffects`: a request from an effect waits here until the UI
/// loop, the only thread that touches the terminal, carries it out (`deliver`).
final class TerminalMailbox: TerminalEffects {
    typealias Job = @Sendable (any TerminalBackend) -> Void

    private let jobs = Mutex<(pending: [(job: Job, done: CheckedContinuation<Void, Never>)], closed: Bool)>(([], false))
    private let wake: WakeSignal?

    init(wake: WakeSignal?) { self.wake = wake }

    func writeRaw(_ bytes: String) async {
        await post { $0.writeRaw(bytes) }
    }

    func apply(palette: TerminalPalette) async {
        await post { $0.apply(palette: palette) }
    }

    var isEmpty: Bool { jobs.withLock { $0.pending.isEmpty } }

    /// Runs what waits, on the calling (UI) thread; true when anything ran.
    @discardableResult
    func deliver(to terminal: any TerminalBackend) -> Bool {
        let pending = jobs.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
        for (job, done) in pending {
            job(terminal)
            done.resume()
        }
        return !pending.isEmpty
    }

    /// The session ended: what waits is dropped (its effect is moot) and nothing more is taken.
    func close() {
        let dropped = jobs.withLock { state in
            state.closed = true
            defer { state.pending.removeAll() }
            return state.pending
        }
        for (_, done) in dropped { done.resume() }
    }

    private func post(_ job: @escaping Job) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let taken = jobs.withLock { state in
                guard !state.closed else { return false }
                state.pending.append((job, done))
                return true
            }
            if taken { wake?.signal() } else { done.resume() }
        }
    }
}
