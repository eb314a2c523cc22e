import Foundation

/// Runs async work to completion from a thread outside Swift's cooperative pool. The console
/// driver blocks its thread while it waits for the mirror's answers, which come from detached
/// tasks; blocking a pool thread instead can starve them on a two-core machine.
public func blocking<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) throws -> Result {
    let semaphore = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var outcome: Swift.Result<Result, any Error>?
    Task.detached {
        do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
        semaphore.signal()
    }
    semaphore.wait()
    guard let outcome else { throw BenchmarkSetupError("async work ended without a result") }
    return try outcome.get()
}
