import RewardsContract

/// An error answer of the contract (§4): the code decides the status and retryability.
struct APIError: Error, Sendable {
    let code: ErrorCode
    let message: String
    let details: JSONValue?
    /// Whole seconds for `Retry-After` (429 and 503).
    let retryAfter: Int?

    init(_ code: ErrorCode, _ message: String, details: JSONValue? = nil, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
    }

    var status: Int { code.httpStatus ?? 500 }

    var body: APIErrorBody { APIErrorBody(code: code, message: message, details: details) }

    static func rateLimited(retryAfter: Int) -> APIError {
        APIError(.rateLimited, "Too many requests; retry after the indicated delay.",
                 details: .object(["retryAfter": .int(Int64(retryAfter))]), retryAfter: retryAfter)
    }

    static func unavailable(retryAfter: Int) -> APIError {
        APIError(.unavailable, "The service is temporarily unavailable.",
                 details: .object(["retryAfter": .int(Int64(retryAfter))]), retryAfter: retryAfter)
    }

    static func invalidRequest(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(.invalidRequest, message, details: details)
    }
}
