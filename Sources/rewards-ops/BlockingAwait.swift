import Foundation
import Synchronization

/// Runs async work from synchronous code on the main thread and waits for its result.
/// Safe here because the main thread is not one of the concurrency pool's threads.
func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        box.withLock { $0 = result }
        done.signal()
    }
    done.wait()
    guard let result = box.withLock({ $0 }) else { fatalError("blockingAwait finished without a result") }
    return try result.get()
}
