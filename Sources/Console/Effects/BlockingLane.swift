import Dispatch

/// Where the console's blocking work runs: SQLite through GRDB's synchronous API, opening a
/// profile's files. Threads of its own, so the concurrency pool (two threads on a small
/// machine) never waits on the disk while the sync engine and the effects need it. One hop per
/// command: a window's seeks and its outbox lookup run together.
enum BlockingLane {
    private static let queue = DispatchQueue(label: "rewards-ops.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
