/// How hard the client tries before it gives up on a call (contract §4 and §9).
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first backoff ceiling; it doubles each attempt up to `maxDelay`.
    public var baseDelay: Double
    public var maxDelay: Double
    /// No retry starts once this many seconds have gone by since the first attempt.
    public var budgetSeconds: Double
    /// Per attempt, on top of any long-poll wait.
    public var requestTimeoutSeconds: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.25, maxDelay: Double = 8,
                budgetSeconds: Double = 60, requestTimeoutSeconds: Double = 30) {
        self.maxAttempts = maxAttempts; self.baseDelay = baseDelay; self.maxDelay = maxDelay
        self.budgetSeconds = budgetSeconds; self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    public static let standard = RetryPolicy()
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Full jitter: uniformly random in [0, min(cap, base · 2^(attempt-1))].
    public func backoff(afterAttempt attempt: Int, random: Double) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let ceiling = min(maxDelay, baseDelay * pow2(exponent))
        return ceiling * min(max(random, 0), 1)
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        var remaining = Int(exponent)
        while remaining > 0 { value *= 2; remaining -= 1 }
        return value
    }
}
