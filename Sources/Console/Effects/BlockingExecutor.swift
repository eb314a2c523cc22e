import Dispatch

/// The executor the console's effects run on: threads of its own, which may block. An effect's
/// synchronous SQLite calls (GRDB's) and file reads then never hold one of the concurrency
/// pool's threads (two on a small machine), and a command costs no extra hop: its task starts
/// here and stays here, its window seeks and outbox lookup one after the other.
final class BlockingExecutor: TaskExecutor {
    static let shared = BlockingExecutor()

    private let queue = DispatchQueue(label: "rewards-ops.effects", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
