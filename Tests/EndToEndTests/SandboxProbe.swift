import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RewardsContract

/// The JSON line `rewards-ops demo --sandbox-info PATH` writes.
struct SandboxInfo: Decodable, Sendable {
    struct Key: Decodable, Sendable {
        let id: String
        let secret: String
    }

    struct Keys: Decodable, Sendable {
        let ops: Key
        /// A second ops key of the same club (a second operator).
        let ops2: Key?
        let support: Key
    }

    let baseUrl: String
    let environment: String
    let clubId: String
    let keys: Keys

    /// Waits for the file to exist and hold a whole JSON line (the demo writes it before the UI starts).
    static func load(from path: String, timeout: Duration = .seconds(30)) async throws -> SandboxInfo {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var lastError: (any Error)?
        while clock.now < deadline {
            if let data = FileManager.default.contents(atPath: path), data.last == UInt8(ascii: "\n") {
                do { return try JSONDecoder().decode(SandboxInfo.self, from: data) } catch { lastError = error }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw EndToEndFailure("no usable --sandbox-info file at \(path) after \(timeout)"
            + (lastError.map { ": \($0)" } ?? ""))
    }
}

/// Reads the sandbox's state over signed HTTP (contract §2, §6), independently of the console.
struct SandboxProbe: Sendable {
    let info: SandboxInfo
    var key: SandboxInfo.Key { info.keys.ops }

    /// Every redemption of the club (the sandbox of an e2e test has far fewer than 1000).
    func redemptions() async throws -> [Redemption] {
        let (status, body) = try await get("/v1/redemptions?limit=1000")
        guard status == 200 else {
            throw EndToEndFailure("GET /v1/redemptions → \(status): \(String(decoding: body, as: UTF8.self))")
        }
        let envelope = try JSONDecoder().decode(SuccessEnvelope<[Redemption]>.self, from: body)
        if envelope.page?.hasMore == true { throw EndToEndFailure("GET /v1/redemptions: more than one page") }
        return envelope.data
    }

    func get(_ pathAndQuery: String) async throws -> (status: Int, body: Data) {
        guard let url = URL(string: info.baseUrl + pathAndQuery) else {
            throw EndToEndFailure("bad URL \(info.baseUrl + pathAndQuery)")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 20)
        request.httpMethod = "GET"
        let headers = RequestSigning.headers(keyId: key.id, secret: key.secret,
                                             timestamp: Int64(Date().timeIntervalSince1970), method: "GET",
                                             pathAndQuery: pathAndQuery, body: [UInt8]())
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw EndToEndFailure("GET \(pathAndQuery): no HTTP response") }
        return (http.statusCode, data)
    }

    /// Every review of the club (the sandbox of an e2e test has far fewer than 1000).
    func reviews() async throws -> [Review] {
        let (status, body) = try await get("/v1/reviews?limit=1000")
        guard status == 200 else {
            throw EndToEndFailure("GET /v1/reviews → \(status): \(String(decoding: body, as: UTF8.self))")
        }
        let envelope = try JSONDecoder().decode(SuccessEnvelope<[Review]>.self, from: body)
        guard envelope.ok else { throw EndToEndFailure("GET /v1/reviews: ok is false") }
        if envelope.page?.hasMore == true { throw EndToEndFailure("GET /v1/reviews: more than one page") }
        return envelope.data
    }

    /// Members whose name, email, externalRef or id contains `query` (contract §6: `q`,
    /// case-insensitive substring), soft-deleted ones left out as the console does.
    func members(matching query: String) async throws -> [Member] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let q = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
        let (status, body) = try await get("/v1/members?limit=1000&q=\(q)")
        guard status == 200 else {
            throw EndToEndFailure("GET /v1/members?q=… → \(status): \(String(decoding: body, as: UTF8.self))")
        }
        let envelope = try JSONDecoder().decode(SuccessEnvelope<[Member]>.self, from: body)
        if envelope.page?.hasMore == true { throw EndToEndFailure("GET /v1/members?q=…: more than one page") }
        return envelope.data
    }

    func member(_ id: String) async throws -> Member {
        let (status, body) = try await get("/v1/members/\(id)")
        guard status == 200 else {
            throw EndToEndFailure("GET /v1/members/\(id) → \(status): \(String(decoding: body, as: UTF8.self))")
        }
        return try JSONDecoder().decode(SuccessEnvelope<Member>.self, from: body).data
    }

    /// Every review as `id status vN lvlN decidedBy`, sorted: compare two to see that nothing changed.
    func reviewFingerprints() async throws -> [String] {
        try await reviews().map { review in
            "\(review.id) \(review.status.rawValue) v\(review.version) lvl\(review.escalationLevel) \(review.decidedBy ?? "-")"
        }.sorted()
    }

    /// Polls the reviews every 300 ms until `predicate` holds; throws with the last state on timeout.
    @discardableResult
    func waitForReviews(_ what: String, timeout: Duration = .seconds(30),
                        _ predicate: ([String: Review]) -> Bool) async throws -> [String: Review] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var last: [String: Review] = [:]
        while true {
            last = Dictionary(uniqueKeysWithValues: try await reviews().map { ($0.id, $0) })
            if predicate(last) { return last }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(300))
        }
        let state = last.values.sorted { $0.id < $1.id }
            .map { "\($0.id) \($0.status.rawValue) v\($0.version) by \($0.decidedBy ?? "-")" }.joined(separator: "\n")
        throw EndToEndFailure("timed out after \(timeout) waiting at the sandbox for \(what); reviews:\n\(state)")
    }

    func review(_ id: String) async throws -> Review {
        guard let review = try await reviews().first(where: { $0.id == id }) else {
            throw EndToEndFailure("review \(id) not found at the sandbox")
        }
        return review
    }
}
