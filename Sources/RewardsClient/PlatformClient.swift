import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RewardsContract

/// The platform's HTTP client: signs every request (§2), retries what may be retried
/// (§4, §9), and turns answers into contract types or a `PlatformError`.
///
/// Everything is bounded: one deadline covers each attempt's whole exchange, bodies are
/// capped, no redirect is followed, and no retry starts unless its wait ends within the
/// policy's budget (a server's `Retry-After` included).
public final class PlatformClient: Sendable {
    /// The largest answer read; a bigger one is an error, not a bigger buffer.
    public static let maximumBodyBytes = 64 << 20

    public let credentials: Credentials
    public let policy: RetryPolicy
    let recorder: any FailedCallRecorder
    let logger: Logger
    let now: @Sendable () -> Date
    let bodyLimit: Int
    private let gate = RateGate()
    let http: HTTPClient

    public init(credentials: Credentials, policy: RetryPolicy = .standard,
                recorder: any FailedCallRecorder = DiscardingRecorder(),
                logger: Logger = Logger(label: "rewards-ops.client"),
                bodyLimit: Int = PlatformClient.maximumBodyBytes,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.credentials = credentials
        self.policy = policy
        self.recorder = recorder
        self.logger = logger
        self.bodyLimit = max(1, bodyLimit)
        self.now = now
        self.http = SharedHTTPClient.client
    }

    /// A raw successful answer: its body and the headers an operator may need.
    public struct Response: Sendable {
        public var status: Int
        public var body: ByteBuffer
        public var requestId: String?
        public var replayed: Bool
        public var serverDate: Date?
        /// The server's rate-limit headers, if it sends any (the contract has none).
        public var rateLimit: RateLimitHeadroom?
    }

    /// Sends one request, retrying as the contract allows, and returns the 2xx answer.
    ///
    /// A POST is retried only when it carries an idempotency key; its body bytes are the same
    /// on every attempt, so the server can replay instead of applying twice.
    public func send(method: HTTPMethod, pathAndQuery: String, body: Data? = nil,
                     idempotencyKey: String? = nil, extraTimeoutSeconds: Double = 0) async throws -> Response {
        let mayRetry = method == .GET || idempotencyKey != nil
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let duration = clock.now - started
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        var attempt = 0
        while true {
            attempt += 1
            let held = await gate.remaining()
            if held > 0 {
                // A 429 of this key is still running: wait it out only if that fits the budget.
                guard elapsed() + held <= policy.budgetSeconds else {
                    throw heldBack(seconds: held, method: method, path: pathAndQuery, attempts: attempt - 1)
                }
                try await Pause.sleep(seconds: held)
            }
            let outcome = await attemptOnce(method: method, pathAndQuery: pathAndQuery, body: body,
                                            idempotencyKey: idempotencyKey, attempt: attempt,
                                            timeoutSeconds: policy.requestTimeoutSeconds + max(0, extraTimeoutSeconds))
            switch outcome {
            case .success(let response):
                return response
            case .failure(let failure):
                // Cut short by its task's cancellation (a quit, a profile switch): the call did
                // not fail, so it goes neither in the error log nor into a retry.
                if Task.isCancelled { throw CancellationError() }
                var error = failure.error
                error.attempts = attempt
                await recorder.record(FailedCall(
                    at: now(), method: method.rawValue, path: pathAndQuery, httpStatus: error.status,
                    code: error.code, message: error.message, retryable: error.retryable,
                    requestId: error.requestId, idempotencyKey: idempotencyKey, attempt: attempt))
                if let retryAfter = failure.retryAfter, error.status == 429 {
                    await gate.block(for: retryAfter)
                }
                guard error.retryable, mayRetry, attempt < policy.maxAttempts else {
                    logFailure(error, attempt: attempt, nextDelay: nil)
                    throw error
                }
                let delay = failure.retryAfter ?? policy.backoff(afterAttempt: attempt, random: Double.random(in: 0...1))
                guard elapsed() + delay <= policy.budgetSeconds else {
                    error.note = failure.retryAfter != nil
                        ? "not retried: the server asked to wait \(TransportFailure.seconds(delay)) (Retry-After), "
                            + "past the retry budget of \(TransportFailure.seconds(policy.budgetSeconds))"
                        : "not retried: the next attempt would start past the retry budget of "
                            + TransportFailure.seconds(policy.budgetSeconds)
                    logFailure(error, attempt: attempt, nextDelay: nil)
                    throw error
                }
                logFailure(error, attempt: attempt, nextDelay: delay)
                try await Pause.sleep(seconds: delay)
            }
        }
    }

    /// The story a log file tells: every failed attempt, with its request id and what comes next.
    private func logFailure(_ error: PlatformError, attempt: Int, nextDelay: Double?) {
        var metadata: Logger.Metadata = ["method": "\(error.method)", "path": "\(error.path)", "code": "\(error.code)",
                                         "attempt": "\(attempt)"]
        if let requestId = error.requestId { metadata["requestId"] = "\(requestId)" }
        if let status = error.status { metadata["status"] = "\(status)" }
        if let nextDelay {
            metadata["retryIn"] = "\(TransportFailure.seconds((nextDelay * 10).rounded() / 10))"
            logger.info("attempt failed: \(error.message); retrying", metadata: metadata)
        } else {
            logger.info("call failed: \(error.message)\(error.note.map { "; \($0)" } ?? "")", metadata: metadata)
        }
    }

    /// The error for a call not even sent: this key's requests are held by a 429's
    /// `Retry-After` for longer than the budget allows.
    private func heldBack(seconds: Double, method: HTTPMethod, path: String, attempts: Int) -> PlatformError {
        var error = PlatformError(
            kind: .api(status: 429, body: APIErrorBody(
                code: .rateLimited, message: "this key is held back by the server's Retry-After", retryable: true)),
            method: method.rawValue, path: path, requestId: nil, attempts: attempts)
        error.note = "not sent: \(TransportFailure.seconds(seconds.rounded(.up))) of the wait left, "
            + "past the retry budget of \(TransportFailure.seconds(policy.budgetSeconds))"
        return error
    }

    /// Decodes the success envelope of a response.
    func decode<Payload: Codable & Sendable>(_ type: Payload.Type, from response: Response, method: HTTPMethod,
                                             path: String) throws -> SuccessEnvelope<Payload> {
        do {
            return try JSONDecoder().decode(SuccessEnvelope<Payload>.self, from: Data(response.body.readableBytesView))
        } catch {
            throw PlatformError(kind: .invalidResponse("the answer did not decode: \(DecodeFailure.describe(error))"),
                                method: method.rawValue, path: path, requestId: response.requestId, attempts: 1)
        }
    }
}
