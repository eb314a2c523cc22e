import Foundation
import RewardsContract

/// How the traffic generator reaches the sandbox: real HTTP on loopback, signed as contract §2
/// says, with the retries a careful club integration makes (same `Idempotency-Key`, after
/// `Retry-After`), so its calls meet the same checks, limits and faults as anyone's.
final class TrafficClient: Sendable {
    /// One answer, or a transport failure (`status` nil).
    struct Answer: Sendable {
        var status: Int?
        var code: String?
        var retryAfter: Int?
        var body: Data

        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: body) }
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
    }

    /// Ways to sign a request wrongly on purpose.
    enum Signing: Sendable {
        case valid
        case wrongSignature
        case staleTimestamp
    }

    private let http: LoopbackHTTPClient
    static let maximumAttempts = 3

    init(host: String, port: Int) {
        http = LoopbackHTTPClient(host: host, port: port)
    }

    func close() {
        http.close()
    }

    /// A POST of JSON, retried on retryable failures when it carries an idempotency key;
    /// `onAnswer` sees every attempt's answer, the last one is returned.
    func post(_ target: String, json: String, key: SandboxKey, idempotencyKey: String?,
              signing: Signing = .valid, onAnswer: (Answer) -> Void) async -> Answer {
        var answer = Answer(status: nil, body: Data())
        for attempt in 1...Self.maximumAttempts {
            answer = await send("POST", target, body: Array(json.utf8), key: key, idempotencyKey: idempotencyKey,
                                signing: signing)
            onAnswer(answer)
            guard answer.isRetryable, idempotencyKey != nil, attempt < Self.maximumAttempts,
                  !Task.isCancelled else { break }
            let wait = answer.retryAfter.map { Double($0) } ?? 0.2 * Double(attempt)
            try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        }
        return answer
    }

    func send(_ method: String, _ target: String, body: [UInt8], key: SandboxKey, idempotencyKey: String?,
              signing: Signing) async -> Answer {
        var timestamp = Int64(Date().timeIntervalSince1970)
        if signing == .staleTimestamp { timestamp -= 3600 }
        var headers: [(String, String)] = []
        for (name, value) in RequestSigning.headers(keyId: key.id, secret: key.secret, timestamp: timestamp,
                                                    method: method, pathAndQuery: target, body: body) {
            let wrong = signing == .wrongSignature && name == RequestSigning.signatureHeader
            headers.append((name, wrong ? "v1=" + String(repeating: "0", count: 64) : value))
        }
        if !body.isEmpty { headers.append(("Content-Type", "application/json")) }
        if let idempotencyKey { headers.append(("Idempotency-Key", idempotencyKey)) }
        guard let response = await http.send(method: method, target: target, headers: headers, body: body) else {
            return Answer(status: nil, body: Data())
        }
        let data = Data(response.body)
        let code = (try? JSONDecoder().decode(JSONValue.self, from: data))?["error"]?["code"]?.stringValue
        return Answer(status: response.status, code: code, retryAfter: response.header("Retry-After").flatMap { Int($0) },
                      body: data)
    }
}
