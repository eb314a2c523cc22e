import Foundation
import Hummingbird
import RewardsContract

/// One request from bytes to reply: auth, then route, then the endpoint (contract §11's order).
struct SandboxAPI: Sendable {
    let authenticator: RequestAuthenticator
    let reads: ReadEndpoints
    let feed: FeedEndpoints
    let actions: ActionEndpoint
    static let maximumBodySize = 1 << 20

    func reply(to request: inout Request) async throws -> APIReply {
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
        let route = try Route(method: request.method, path: path)
        let allowed = route.allowedQuery
        try query.requireOnly(allowed.names, repeatable: allowed.repeatable)

        switch route {
        case .me: return try reads.me(key: key)
        case .members: return try await reads.members(query)
        case .member(let id): return try await reads.member(id: id)
        case .memberLedger(let id): return try await reads.ledger(memberId: id, query)
        case .redemptions: return try await reads.redemptions(query)
        case .reviews: return try await reads.reviews(query)
        case .requestLogs: return try await reads.requestLogs(query)
        case .changesHead: return try await feed.head()
        case .changes: return try await feed.changes(query)
        case .action(let subject, let id, let verb):
            return try await actions.handle(.init(subject: subject, id: id, verb: verb, method: method,
                                                  path: String(path), headers: request.headers, body: body), key: key)
        }
    }
}

/// Hummingbird's entry point: every response gets a fresh `X-Request-ID` and JSON content
/// type (Hummingbird adds `Date`); any failure becomes the contract's error envelope.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: SandboxAPI

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestId = RequestID.make()
        var request = request
        let reply: APIReply
        do {
            reply = try await api.reply(to: &request)
        } catch let error as APIError {
            reply = .error(error)
        } catch {
            reply = .error(APIError(.internalError, "An unexpected error occurred."))
        }
        return reply.response(requestId: requestId)
    }
}
