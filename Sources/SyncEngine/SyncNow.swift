import Foundation
import Synchronization

/// Why `SyncEngine.syncNow` has no answer from the feed.
public enum SyncNowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The engine is not following the feed (it was not started, or it stopped for good).
    case notRunning
    /// The feed loop did not get to it within the bound (a long bootstrap holds it).
    case timedOut(seconds: Double)

    public var description: String {
        switch self {
        case .notRunning: return "the sync is not running"
        case .timedOut(let seconds): return "no answer within \(Int(seconds)) s: the sync is busy (a bootstrap?)"
        }
    }
}

/// Requests to sync at once, between whoever asks (`SyncEngine.syncNow`) and the feed loop,
/// which alone reads the feed. A request cuts the loop's wait short (its long-poll, or its
/// backoff after a failure); the loop then reads the feed to its end and answers every request
/// made before that read began, with the changes applied or the error.
final class SyncNowRequests: Sendable {
    typealias Answer = Result<Int, any Error>

    private struct State {
        var running = false
        var nextId: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Answer, Never>] = [:]
        /// Requests not yet taken by a read of the feed.
        var unserved: Set<UInt64> = []
        /// The feed loop waiting for a request (in `wait()`).
        var listener: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    var hasUnserved: Bool { state.withLock { !$0.unserved.isEmpty } }

    /// The feed loop began (`true`) or ended for good (`false`, every request then fails).
    func setRunning(_ running: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Answer, Never>] in
            state.running = running
            guard !running else { return [] }
            defer { state.waiters = [:]; state.unserved = [] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: .failure(SyncNowError.notRunning)) }
    }

    /// Asks for a read of the feed and waits for its answer; cancellation ends the wait.
    func request() async -> Answer {
        let id = state.withLock { state -> UInt64 in
            state.nextId += 1
            return state.nextId
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Answer, Never>) in
                let outcome = state.withLock { state -> (refused: Answer?, listener: CheckedContinuation<Void, Never>?) in
                    if Task.isCancelled { return (.failure(CancellationError()), nil) }
                    guard state.running else { return (.failure(SyncNowError.notRunning), nil) }
                    state.waiters[id] = continuation
                    state.unserved.insert(id)
                    defer { state.listener = nil }
                    return (nil, state.listener)
                }
                if let refused = outcome.refused { continuation.resume(returning: refused) }
                outcome.listener?.resume()
            }
        } onCancel: {
            let waiter = state.withLock { state in
                state.unserved.remove(id)
                return state.waiters.removeValue(forKey: id)
            }
            waiter?.resume(returning: .failure(CancellationError()))
        }
    }

    /// The requests a read of the feed that starts now answers.
    func takeUnserved() -> Set<UInt64> {
        state.withLock { state in
            defer { state.unserved = [] }
            return state.unserved
        }
    }

    func answer(_ ids: Set<UInt64>, with answer: Answer) {
        let waiters = state.withLock { state in ids.compactMap { state.waiters.removeValue(forKey: $0) } }
        for waiter in waiters { waiter.resume(returning: answer) }
    }

    /// Every request waiting, served or not: the loop failed with `error`.
    func failAll(_ error: any Error) {
        let waiters = state.withLock { state -> [CheckedContinuation<Answer, Never>] in
            defer { state.waiters = [:]; state.unserved = [] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: .failure(error)) }
    }

    /// Runs `body` until it ends or a request arrives, whichever is first; true: a request cut
    /// it short (and `body` was cancelled). Only the feed loop calls it.
    func untilRequested(_ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await body()
                return false
            }
            group.addTask {
                await self.waitForRequest()
                return true
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
    }

    /// Returns once a request is unserved, or when the task is cancelled.
    private func waitForRequest() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if !state.unserved.isEmpty || Task.isCancelled { return true }
                    state.listener = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let listener = state.withLock { state in
                defer { state.listener = nil }
                return state.listener
            }
            listener?.resume()
        }
    }
}

extension SyncEngine {
    /// Syncs at once: cuts the feed loop's long-poll (or its backoff after a failure) short,
    /// reads the feed to its end and wakes the outbox. Returns the changes that read applied,
    /// or throws what it failed with; waits at most `timeoutSeconds` for the loop to get to it.
    /// The engine must be running (`run`): it throws `SyncNowError.notRunning` otherwise.
    @discardableResult
    public func syncNow(timeoutSeconds: Double = 60) async throws -> Int {
        wake()
        let requests = syncNowRequests
        let bound = timeoutSeconds.isFinite ? min(max(0, timeoutSeconds), 3600) : 60
        let answer = try await withThrowingTaskGroup(of: SyncNowRequests.Answer.self) { group in
            group.addTask { await requests.request() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(bound * 1000)))
                return .failure(SyncNowError.timedOut(seconds: bound))
            }
            defer { group.cancelAll() }
            return try await group.next() ?? .failure(CancellationError())
        }
        return try answer.get()
    }

    /// In the feed loop: answers the requests made so far with one read of the feed to its end;
    /// false when there was none.
    func serveSyncNow(events: @escaping SyncEventHandler) async throws -> Bool {
        let batch = syncNowRequests.takeUnserved()
        guard !batch.isEmpty else { return false }
        do {
            let applied = try await followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
            syncNowRequests.answer(batch, with: .success(applied))
            return true
        } catch {
            syncNowRequests.answer(batch, with: .failure(error))
            throw error
        }
    }
}
