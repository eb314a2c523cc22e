import RewardsContract

/// An error answer of the contract (§4): the code decides the status and retryability.
struct APIError: Error, Sendable {
    let code: ErrorCode
    let message: String
    let details: JSONValue?

    init(_ code: ErrorCode, _ message: String, details: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }

    var status: Int { code.httpStatus ?? 500 }

    var body: APIErrorBody { APIErrorBody(code: code, message: message, details: details) }

    static func invalidRequest(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(.invalidRequest, message, details: details)
    }
}
