import Foundation
import RewardsContract

/// One failed attempt, as written to the mirror's local error log.
public struct FailedCall: Sendable, Hashable {
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

    public init(at: Date, method: String, path: String, httpStatus: Int?, code: String, message: String,
                retryable: Bool, requestId: String?, idempotencyKey: String?, attempt: Int) {
        self.at = at; self.method = method; self.path = path; self.httpStatus = httpStatus; self.code = code
        self.message = message; self.retryable = retryable; self.requestId = requestId
        self.idempotencyKey = idempotencyKey; self.attempt = attempt
    }
}

/// Where the client reports failed attempts; the mirror implements it one layer up.
public protocol FailedCallRecorder: Sendable {
    func record(_ call: FailedCall) async
}

public struct DiscardingRecorder: FailedCallRecorder {
    public init() {}
    public func record(_ call: FailedCall) async {}
}
