import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RewardsContract

/// The platform's HTTP client: signs every request (§2), retries what may be retried
/// (§4, §9), and turns answers into contract types or a `PlatformError`.
public final class PlatformClient: Sendable {
    public let credentials: Credentials
    public let policy: RetryPolicy
    private let recorder: any FailedCallRecorder
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let gate = RateGate()
    private let http: HTTPClient

    public init(credentials: Credentials, policy: RetryPolicy = .standard,
                recorder: any FailedCallRecorder = DiscardingRecorder(),
                logger: Logger = Logger(label: "rewards-ops.client"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.credentials = credentials
        self.policy = policy
        self.recorder = recorder
        self.logger = logger
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
        let started = Date()
        var attempt = 0
        while true {
            attempt += 1
            try await gate.wait()
            let outcome = await attemptOnce(method: method, pathAndQuery: pathAndQuery, body: body,
                                            idempotencyKey: idempotencyKey, attempt: attempt,
                                            timeoutSeconds: policy.requestTimeoutSeconds + extraTimeoutSeconds)
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
                let elapsed = Date().timeIntervalSince(started)
                guard error.retryable, mayRetry, attempt < policy.maxAttempts, elapsed < policy.budgetSeconds else {
                    throw error
                }
                let delay = failure.retryAfter ?? policy.backoff(afterAttempt: attempt, random: Double.random(in: 0...1))
                logger.debug("retrying", metadata: ["path": "\(pathAndQuery)", "code": "\(error.code)",
                                                    "attempt": "\(attempt)", "delay": "\(delay)"])
                try await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
            }
        }
    }

    private struct AttemptFailure: Error {
        var error: PlatformError
        var retryAfter: Double?
    }

    private func attemptOnce(method: HTTPMethod, pathAndQuery: String, body: Data?, idempotencyKey: String?,
                             attempt: Int, timeoutSeconds: Double) async -> Result<Response, AttemptFailure> {
        var request = HTTPClientRequest(url: credentials.baseURL + pathAndQuery)
        request.method = method
        let bodyBytes = body ?? Data()
        let timestamp = Int64(now().timeIntervalSince1970.rounded(.down))
        for (name, value) in RequestSigning.headers(keyId: credentials.keyId, secret: credentials.secret,
                                                    timestamp: timestamp, method: method.rawValue,
                                                    pathAndQuery: pathAndQuery, body: bodyBytes) {
            request.headers.add(name: name, value: value)
        }
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "rewards-ops/0.1")
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        // Headers are logged whole on purpose at debug level: the log handlers redact the
        // Authorization and signature values, and a test holds them to it.
        logger.debug("request", metadata: ["method": "\(method.rawValue)", "path": "\(pathAndQuery)",
                                           "attempt": "\(attempt)", "headers": "\(request.headers)"])

        func transport(_ message: String, requestId: String? = nil) -> Result<Response, AttemptFailure> {
            .failure(AttemptFailure(error: PlatformError(kind: .transport(message), method: method.rawValue,
                                                         path: pathAndQuery, requestId: requestId, attempts: attempt),
                                    retryAfter: nil))
        }

        let response: HTTPClientResponse
        let buffer: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
            buffer = try await response.body.collect(upTo: 64 << 20)
        } catch {
            return transport("\(error)")
        }
        let requestId = response.headers.first(name: "X-Request-ID")
        let serverDate = response.headers.first(name: "Date").flatMap(HTTPDate.parse)
        let status = Int(response.status.code)
        if (200..<300).contains(status) {
            return .success(Response(status: status, body: buffer, requestId: requestId,
                                     replayed: response.headers.first(name: "Idempotent-Replayed") == "true",
                                     serverDate: serverDate, rateLimit: RateLimitHeadroom.parse(response.headers)))
        }
        guard let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(buffer.readableBytesView)),
              envelope.ok == false else {
            // A proxy's HTML page or a cut body: no envelope, so nothing says it was not applied.
            return transport("HTTP \(status) without the error envelope", requestId: requestId)
        }
        let retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
        var skew: Int?
        if envelope.error.code == .staleTimestamp {
            let serverTime = envelope.error.details?["serverTime"]?.intValue.map { Date(timeIntervalSince1970: Double($0)) }
            if let server = serverTime ?? serverDate {
                skew = Int(now().timeIntervalSince(server).rounded())
            }
        }
        let error = PlatformError(kind: .api(status: status, body: envelope.error), method: method.rawValue,
                                  path: pathAndQuery, requestId: requestId, attempts: attempt, clockSkewSeconds: skew)
        return .failure(AttemptFailure(error: error, retryAfter: retryAfter))
    }

    /// Decodes the success envelope of a response.
    func decode<Payload: Codable & Sendable>(_ type: Payload.Type, from response: Response, method: HTTPMethod,
                                             path: String) throws -> SuccessEnvelope<Payload> {
        do {
            return try JSONDecoder().decode(SuccessEnvelope<Payload>.self, from: Data(response.body.readableBytesView))
        } catch {
            throw PlatformError(kind: .invalidResponse("the answer did not decode: \(error)"), method: method.rawValue,
                                path: path, requestId: response.requestId, attempts: 1)
        }
    }
}
