import Dispatch
import Foundation

/// Everything a session runs off the UI thread (every effect, and the sync engine when it
/// follows the feed) as children of one task group: ending the session cancels all of it.
final class SessionWork: Sendable {
    typealias Job = @Sendable () async -> Void

    private let jobs: AsyncStream<Job>.Continuation
    private let group: Task<Void, Never>

    init() {
        let (stream, jobs) = AsyncStream.makeStream(of: Job.self)
        self.jobs = jobs
        // Detached: no actor and no priority of whoever starts the session. On the blocking
        // executor, which its children inherit: the effects' SQLite calls may block there.
        group = Task.detached(executorPreference: BlockingExecutor.shared) {
            await withDiscardingTaskGroup { group in
                for await job in stream {
                    group.addTask { await job() }
                }
                group.cancelAll()
            }
        }
    }

    deinit { end() }

    func add(_ job: @escaping Job) {
        jobs.yield(job)
    }

    /// Cancels every job; what is still running ends at its next cancellation point.
    func end() {
        jobs.finish()
        group.cancel()
    }

    /// Ends the work and waits until it has stopped, at most `seconds`; true when it stopped.
    /// Call it from a thread outside the concurrency pool (the UI thread).
    @discardableResult
    func end(waitingAtMost seconds: Double) -> Bool {
        end()
        let stopped = DispatchSemaphore(value: 0)
        let group = self.group
        Task.detached {
            await group.value
            stopped.signal()
        }
        return stopped.wait(timeout: .now() + seconds) == .success
    }
}
