import Foundation
import Hummingbird
import RewardsContract

/// One request from bytes to reply, in contract §11's order: auth (§2), rate limit, route, then
/// the endpoint (whose POSTs continue with role, idempotency, body, 404, 409, 422).
struct SandboxAPI: Sendable {
    let authenticator: RequestAuthenticator
    let club: ClubIdentity
    let reads: ReadEndpoints
    let feed: FeedEndpoints
    let actions: ActionEndpoint
    let integrations: IntegrationEndpoints
    let foreign: ForeignClubEndpoints
    let rateLimiter: RateLimiter
    /// Send `RateLimit-Limit` / `RateLimit-Remaining` on admitted answers: an extension beyond
    /// the contract (which has no such headers), off unless asked for, for clients that read them.
    var advertisesRateLimit = false
    static let maximumBodySize = 1 << 20

    func reply(to request: inout Request, faults: FaultDecision) async throws -> APIReply {
        let target = request.head.path ?? ""
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.collectBody(upTo: Self.maximumBodySize))
        } catch {
            throw APIError.invalidRequest("The request body is larger than \(Self.maximumBodySize) bytes.")
        }
        let method = request.method.rawValue
        let key = try authenticator.authenticate(method: method, target: target, headers: request.headers,
                                                 body: body, now: Date())
        let split = target.firstIndex(of: "?")
        let path = split.map { target[..<$0] } ?? target[...]
        let rawQuery = split.map { target[target.index(after: $0)...] }
        let query = try QueryParameters(raw: rawQuery)
        if query.values("clubId").contains(where: { $0 != key.clubId }) {
            throw APIError(.unauthorized, "clubId does not match the key's club.")
        }

        // Authenticated: only now does the request count against its key (§11).
        if case .rateLimited(let seconds) = faults.early {
            rateLimiter.block(keyId: key.id, seconds: seconds)
            throw APIError.rateLimited(retryAfter: seconds)
        }
        if let seconds = rateLimiter.admit(keyId: key.id) { throw APIError.rateLimited(retryAfter: seconds) }
        let headroom = advertisesRateLimit ? rateLimiter.headroom(keyId: key.id) : nil

        var reply = try await routed(request, path: path, query: query, body: body, key: key, faults: faults)
        reply.rateLimit = headroom
        return reply
    }

    /// Route, then the endpoint.
    private func routed(_ request: Request, path: Substring, query: QueryParameters, body: [UInt8],
                        key: IssuedKey, faults: FaultDecision) async throws -> APIReply {
        let method = request.method.rawValue
        let route = try Route(method: request.method, path: path)
        let allowed = route.allowedQuery
        try query.requireOnly(allowed.names, repeatable: allowed.repeatable)
        let call = PostCall(method: method, path: String(path), headers: request.headers, body: body, key: key)
        guard key.clubId == club.clubId else {
            return try await foreign.reply(route, query: query, key: key, call: call)
        }

        switch route {
        case .me: return try reads.me(key: key)
        case .members: return try await reads.members(query)
        case .member(let id): return try await reads.member(id: id)
        case .memberLedger(let id): return try await reads.ledger(memberId: id, query)
        case .redemptions: return try await reads.redemptions(query)
        case .reviews: return try await reads.reviews(query)
        case .requestLogs: return try await reads.requestLogs(query)
        case .changesHead: return try await feed.head()
        case .changes: return try await feed.changes(query, faults: faults)
        case .action(let subject, let id, let verb):
            return try await actions.handle(call, subject: subject, id: id, verb: verb)
        default:
            guard let reply = try await integrations.handle(route, call) else {
                throw APIError.invalidRequest("Unknown endpoint: \(method) \(path)")
            }
            return reply
        }
    }
}
