/// Sleeps that cannot trap: a wait computed from anything outside (a header, a clock) is
/// checked and bounded before it becomes a `Duration`.
public enum Pause {
    /// The longest single sleep anything in the client asks for.
    public static let longestSeconds: Double = 3600

    /// Sleeps `seconds` (NaN and negatives are no wait; more than an hour is an hour).
    /// Throws `CancellationError` when the task is cancelled meanwhile.
    public static func sleep(seconds: Double) async throws {
        let milliseconds = boundedMilliseconds(seconds)
        guard milliseconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(milliseconds))
    }

    /// 0 for NaN, negatives and zero; at most `longestSeconds` in milliseconds.
    public static func boundedMilliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int64((min(seconds, longestSeconds) * 1000).rounded(.up))
    }
}
