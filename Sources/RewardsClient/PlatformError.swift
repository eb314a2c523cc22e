import RewardsContract

/// A call that did not succeed, with everything an operator needs to act on it.
public struct PlatformError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The server answered with the contract's error envelope.
        case api(status: Int, body: APIErrorBody)
        /// No usable answer: connection refused or reset, timeout, truncated body, or a body
        /// that is not the envelope (such as a proxy's HTML 502).
        case transport(String)
        /// A 2xx whose body did not decode as the contract says.
        case invalidResponse(String)
    }

    public var kind: Kind
    public var method: String
    public var path: String
    public var requestId: String?
    public var attempts: Int
    /// Seconds the local clock is ahead of the server's (negative: behind), when known.
    public var clockSkewSeconds: Int?
    /// Why the client stopped there, when it gave up early (a `Retry-After` past the budget).
    public var note: String?

    public init(kind: Kind, method: String, path: String, requestId: String?, attempts: Int,
                clockSkewSeconds: Int? = nil) {
        self.kind = kind; self.method = method; self.path = path; self.requestId = requestId
        self.attempts = attempts; self.clockSkewSeconds = clockSkewSeconds
    }

    public var code: String {
        switch kind {
        case .api(_, let body): return body.code.rawValue
        case .transport: return "transport_error"
        case .invalidResponse: return "invalid_response"
        }
    }

    public var status: Int? {
        if case .api(let status, _) = kind { return status }
        return nil
    }

    public var apiError: APIErrorBody? {
        if case .api(_, let body) = kind { return body }
        return nil
    }

    public var message: String {
        switch kind {
        case .api(_, let body):
            if body.code == .staleTimestamp, let skew = clockSkewSeconds {
                return body.message + " (" + Self.describeSkew(skew) + ")"
            }
            return body.message
        case .transport(let text), .invalidResponse(let text): return text
        }
    }

    public var retryable: Bool {
        switch kind {
        case .api(_, let body): return body.retryable
        case .transport: return true
        case .invalidResponse: return false
        }
    }

    public var description: String {
        var text = "\(code)"
        if let status { text += " (HTTP \(status))" }
        text += ": \(message) — \(method) \(path)"
        if let requestId { text += " [request \(requestId)]" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        if let note { text += "; \(note)" }
        return text
    }

    public static func describeSkew(_ seconds: Int) -> String {
        if seconds == 0 { return "the local clock agrees with the server" }
        let direction = seconds > 0 ? "ahead of" : "behind"
        return "the local clock is \(abs(seconds)) s \(direction) the server's"
    }
}
