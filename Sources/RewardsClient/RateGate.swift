import Foundation

/// Holds every request of this client back while a 429's `Retry-After` runs, so that the
/// client never sends more than the limit allows after a 429 (contract §9).
actor RateGate {
    private var notBefore: Date = .distantPast

    /// `seconds` comes from `RetryAfter`, already bounded; checked again here all the same.
    func block(for seconds: Double) {
        guard seconds.isFinite, seconds > 0 else { return }
        let until = Date().addingTimeInterval(min(seconds, RetryAfter.maximumSeconds))
        if until > notBefore { notBefore = until }
    }

    /// Seconds the gate still holds requests back (0 when open).
    func remaining() -> Double {
        max(0, notBefore.timeIntervalSinceNow)
    }

    func wait() async throws {
        try await Pause.sleep(seconds: remaining())
    }
}
