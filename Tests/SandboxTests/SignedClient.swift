import AsyncHTTPClient
import Foundation
import RewardsContract
import Sandbox

/// A response as the wire gave it.
struct WireResponse: Sendable {
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body)) }
    var text: String { String(decoding: body, as: UTF8.self) }
    var errorCode: String? { json?["error"]?["code"]?.stringValue }
    var errorDetails: JSONValue? { json?["error"]?["details"] }
    var data: JSONValue? { json?["data"] }
    var dataArray: [JSONValue] {
        if case .array(let items)? = data { return items }
        return []
    }
    var nextCursor: String? { json?["page"]?["nextCursor"]?.stringValue }
    var hasMore: Bool? {
        if case .bool(let value)? = json?["page"]?["hasMore"] { return value }
        return nil
    }
}

/// Signs requests as the contract says (§2), with knobs to break each part on purpose.
struct SignedClient: Sendable {
    let baseURL: String
    let key: SandboxKey

    init(baseURL: String, key: SandboxKey) {
        self.baseURL = baseURL
        self.key = key
    }

    init(_ server: SandboxServer, key: SandboxKey? = nil) {
        self.init(baseURL: server.baseURL, key: key ?? server.keys.ops)
    }

    func get(_ pathAndQuery: String) async throws -> WireResponse {
        try await send("GET", pathAndQuery)
    }

    func post(_ path: String, json: String, idempotencyKey: String?) async throws -> WireResponse {
        var headers = [("Content-Type", "application/json")]
        if let idempotencyKey { headers.append(("Idempotency-Key", idempotencyKey)) }
        return try await send("POST", path, body: Array(json.utf8), headers: headers)
    }

    func send(_ method: String, _ pathAndQuery: String, body: [UInt8] = [], headers: [(String, String)] = [],
              timestamp: Int64 = Int64(Date().timeIntervalSince1970), signature: String? = nil,
              signed: Bool = true, timeoutSeconds: Int64 = 40) async throws -> WireResponse {
        var request = HTTPClientRequest(url: baseURL + pathAndQuery)
        switch method {
        case "POST": request.method = .POST
        case "DELETE": request.method = .DELETE
        case "PUT": request.method = .PUT
        default: request.method = .GET
        }
        if signed {
            for (name, value) in RequestSigning.headers(keyId: key.id, secret: key.secret, timestamp: timestamp,
                                                        method: method, pathAndQuery: pathAndQuery, body: body) {
                request.headers.add(name: name, value: name == RequestSigning.signatureHeader ? (signature ?? value) : value)
            }
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return WireResponse(status: Int(response.status.code),
                            headers: response.headers.map { (name: $0.name, value: $0.value) },
                            body: Array(buffer.readableBytesView))
    }
}

/// Starts a small sandbox, runs the body, and always stops it.
func withSandbox(members: Int = 60, seed: UInt64 = 1, environment: Environment = .test,
                 _ body: (SandboxServer) async throws -> Void) async throws {
    try await withSandbox(SandboxOptions(members: members, seed: seed, environment: environment), body)
}

func withSandbox(_ options: SandboxOptions, _ body: (SandboxServer) async throws -> Void) async throws {
    let server = try await SandboxServer.start(options)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
