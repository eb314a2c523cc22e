import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RewardsContract
import Sandbox

/// How the traffic generator reaches the sandbox: real HTTP over AsyncHTTPClient, signed as
/// contract §2 says, with the retries a careful club integration makes (same `Idempotency-Key`,
/// after `Retry-After`), so its calls meet the same checks, limits and faults as anyone's.
struct TrafficClient: Sendable {
    /// One answer, or a transport failure (`status` nil).
    struct Answer: Sendable {
        var status: Int?
        var code: String?
        var retryAfter: Int?
        var body: [UInt8]

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body)) }
        var data: JSONValue? { json?["data"] }
        /// What a report counts the answer as: its error code, "ok", or the transport failure.
        var outcome: String {
            guard let status else { return "transport_failure" }
            if let code { return code }
            return status < 400 ? "ok" : "http_\(status)"
        }
        var isRetryable: Bool {
            guard let status else { return true }
            return [429, 500, 502, 503, 504].contains(status)
        }

        static let transportFailure = Answer(status: nil, body: [])
    }

    /// Ways to sign a request wrongly on purpose.
    enum Signing: Sendable {
        case valid
        case wrongSignature
        case staleTimestamp
    }

    let baseURL: String
    static let maximumAttempts = 3
    /// Every call ends within this, answered or not.
    static let timeout: TimeAmount = .seconds(40)
    /// The sandbox's answers to these calls are a few kilobytes; anything past this is broken.
    static let maximumBody = 4 << 20
    /// A `Retry-After` is honoured up to this many seconds.
    static let maximumRetryAfter = 30

    /// A POST of JSON, retried on retryable failures when it carries an idempotency key;
    /// `onAnswer` sees every attempt's answer, the last one is returned. An attempt cut short
    /// because the generator was stopped is neither reported nor retried.
    func post(_ target: String, json: String, key: SandboxKey, idempotencyKey: String?,
              signing: Signing = .valid, onAnswer: (Answer) -> Void) async -> Answer {
        var answer = Answer.transportFailure
        for attempt in 1...Self.maximumAttempts {
            answer = await send("POST", target, body: Array(json.utf8), key: key, idempotencyKey: idempotencyKey,
                                signing: signing)
            if Task.isCancelled { break }
            onAnswer(answer)
            guard answer.isRetryable, idempotencyKey != nil, attempt < Self.maximumAttempts else { break }
            let wait: Duration = answer.retryAfter.map { .seconds($0) } ?? .milliseconds(200 * attempt)
            try? await Task.sleep(for: wait)
        }
        return answer
    }

    func send(_ method: String, _ target: String, body: [UInt8], key: SandboxKey, idempotencyKey: String?,
              signing: Signing) async -> Answer {
        var timestamp = Int64(Date().timeIntervalSince1970)
        if signing == .staleTimestamp { timestamp -= 3600 }
        var request = HTTPClientRequest(url: baseURL + target)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in RequestSigning.headers(keyId: key.id, secret: key.secret, timestamp: timestamp,
                                                    method: method, pathAndQuery: target, body: body) {
            let wrong = signing == .wrongSignature && name == RequestSigning.signatureHeader
            request.headers.add(name: name, value: wrong ? "v1=" + String(repeating: "0", count: 64) : value)
        }
        if !body.isEmpty {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: Self.timeout)
            // A cut connection fails here, part-way through the body.
            let bytes = Array(buffer: try await response.body.collect(upTo: Self.maximumBody))
            let code = (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)))?["error"]?["code"]?.stringValue
            return Answer(status: Int(response.status.code), code: code,
                          retryAfter: Self.retryAfter(response.headers.first(name: "Retry-After")), body: bytes)
        } catch {
            return .transportFailure
        }
    }

    /// Whole seconds, digits only, at most `maximumRetryAfter`; nil otherwise.
    static func retryAfter(_ value: String?) -> Int? {
        guard let value, !value.isEmpty, value.utf8.count <= 9, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let seconds = Int(value) else { return nil }
        return min(seconds, maximumRetryAfter)
    }
}
