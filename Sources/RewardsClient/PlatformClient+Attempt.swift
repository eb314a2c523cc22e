import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RewardsContract

extension PlatformClient {
    struct AttemptFailure: Error {
        var error: PlatformError
        var retryAfter: Double?
    }

    /// The parts of an answer the client reads, complete (head and whole body).
    private struct Exchange: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// One signed request and its whole answer, within `timeoutSeconds`.
    func attemptOnce(method: HTTPMethod, pathAndQuery: String, body: Data?, idempotencyKey: String?,
                     attempt: Int, timeoutSeconds: Double) async -> Result<Response, AttemptFailure> {
        let request = signedRequest(method: method, pathAndQuery: pathAndQuery, body: body, idempotencyKey: idempotencyKey)
        // Headers are logged whole on purpose at debug level: the log handlers redact the
        // Authorization and signature values, and a test holds them to it.
        logger.debug("request", metadata: ["method": "\(method.rawValue)", "path": "\(pathAndQuery)",
                                           "attempt": "\(attempt)", "headers": "\(request.headers)"])

        func failure(_ kind: PlatformError.Kind, requestId: String? = nil, retryAfter: Double? = nil)
            -> Result<Response, AttemptFailure> {
            .failure(AttemptFailure(error: PlatformError(kind: kind, method: method.rawValue, path: pathAndQuery,
                                                         requestId: requestId, attempts: attempt),
                                    retryAfter: retryAfter))
        }

        let exchange: Exchange
        do {
            let http = self.http
            let limit = bodyLimit
            exchange = try await AttemptDeadline.run(seconds: timeoutSeconds) {
                let response = try await http.execute(request, timeout: .milliseconds(Pause.boundedMilliseconds(timeoutSeconds) + 1000))
                let buffer = try await response.body.collect(upTo: limit)
                return Exchange(status: Int(response.status.code), headers: response.headers, body: buffer)
            }
        } catch is NIOTooManyBytesError {
            return failure(.invalidResponse("the answer was larger than \(Self.describeBytes(bodyLimit)); not read"))
        } catch {
            return failure(.transport(TransportFailure.describe(error, target: credentials.target,
                                                                timeoutSeconds: timeoutSeconds)))
        }
        let requestId = exchange.headers.first(name: "X-Request-ID")
        let status = exchange.status
        if (200..<300).contains(status) {
            return .success(Response(status: status, body: exchange.body, requestId: requestId,
                                     replayed: exchange.headers.first(name: "Idempotent-Replayed") == "true",
                                     serverDate: exchange.headers.first(name: "Date").flatMap(HTTPDate.parse),
                                     rateLimit: RateLimitHeadroom.parse(exchange.headers)))
        }
        if (300..<400).contains(status) {
            // The contract has no redirects; following one would send the signed headers elsewhere.
            let location = exchange.headers.first(name: "Location").map { String($0.prefix(200)) } ?? "nowhere"
            return failure(.invalidResponse("HTTP \(status), a redirect to \(location): not followed (the contract has none)"),
                           requestId: requestId)
        }
        guard let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(exchange.body.readableBytesView)),
              envelope.ok == false else {
            // A proxy's HTML page or a cut body: no envelope, so nothing says it was not applied.
            return failure(.transport("HTTP \(status) without the error envelope"), requestId: requestId)
        }
        let retryAfter = RetryAfter.seconds(exchange.headers.first(name: "Retry-After"), now: now())
        var skew: Int?
        if envelope.error.code == .staleTimestamp {
            let serverTime = envelope.error.details?["serverTime"]?.intValue.map { Date(timeIntervalSince1970: Double($0)) }
            if let server = serverTime ?? exchange.headers.first(name: "Date").flatMap(HTTPDate.parse) {
                skew = Self.wholeSeconds(now().timeIntervalSince(server))
            }
        }
        let error = PlatformError(kind: .api(status: status, body: envelope.error), method: method.rawValue,
                                  path: pathAndQuery, requestId: requestId, attempts: attempt, clockSkewSeconds: skew)
        return .failure(AttemptFailure(error: error, retryAfter: retryAfter))
    }

    private func signedRequest(method: HTTPMethod, pathAndQuery: String, body: Data?, idempotencyKey: String?)
        -> HTTPClientRequest {
        var request = HTTPClientRequest(url: credentials.baseURL + pathAndQuery)
        request.method = method
        let timestamp = Int64(now().timeIntervalSince1970.rounded(.down))
        for (name, value) in RequestSigning.headers(keyId: credentials.keyId, secret: credentials.secret,
                                                    timestamp: timestamp, method: method.rawValue,
                                                    pathAndQuery: pathAndQuery, body: body ?? Data()) {
            request.headers.add(name: name, value: value)
        }
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "rewards-ops/0.1")
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        return request
    }

    /// A difference of clocks in whole seconds; nil when it cannot be one (a server's absurd time).
    static func wholeSeconds(_ interval: Double) -> Int? {
        guard interval.isFinite, abs(interval) < 1e15 else { return nil }
        return Int(interval.rounded())
    }

    static func describeBytes(_ count: Int) -> String {
        count >= 1 << 20 ? "\(count >> 20) MiB" : count >= 1 << 10 ? "\(count >> 10) KiB" : "\(count) bytes"
    }
}
