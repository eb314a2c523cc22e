import Foundation

/// Holds every request of this client back while a 429's `Retry-After` runs, so that the
/// client never sends more than the limit allows after a 429 (contract §9).
actor RateGate {
    private var notBefore: Date = .distantPast

    func block(for seconds: Double) {
        let until = Date().addingTimeInterval(seconds)
        if until > notBefore { notBefore = until }
    }

    func wait() async throws {
        let delay = notBefore.timeIntervalSinceNow
        if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
    }
}
