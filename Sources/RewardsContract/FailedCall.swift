import Foundation

/// One failed call of this console: what the client reports after each failed attempt and
/// what the mirror's local error log stores (as `LocalError`, the same record with its row
/// number). One record for both, so that nothing is lost or renamed between the two layers.
/// Pure data, like the rest of the contract module; neither layer imports the other.
public struct FailedCall: Sendable, Hashable {
    /// The mirror's row number; 0 until stored.
    public var seq: Int64
    public var at: Date
    public var method: String
    public var path: String
    public var httpStatus: Int?
    public var code: String
    public var message: String
    public var retryable: Bool
    public var requestId: String?
    public var idempotencyKey: String?
    public var attempt: Int

    public init(seq: Int64 = 0, at: Date, method: String, path: String, httpStatus: Int?, code: String, message: String,
                retryable: Bool, requestId: String?, idempotencyKey: String?, attempt: Int) {
        self.seq = seq; self.at = at; self.method = method; self.path = path; self.httpStatus = httpStatus
        self.code = code; self.message = message; self.retryable = retryable; self.requestId = requestId
        self.idempotencyKey = idempotencyKey; self.attempt = attempt
    }
}
