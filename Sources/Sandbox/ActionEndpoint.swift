import Foundation
import Hummingbird
import RewardsContract

/// POST /v1/{reviews|redemptions}/{id}/{approve|escalate}, in the order of checks of §11:
/// role (403) → Idempotency-Key present (400) → replay or conflict (409) → body (400) →
/// the decision's own checks → success.
struct ActionEndpoint: Sendable {
    let store: SandboxStore

    struct Call: Sendable {
        let subject: ActionSubject
        let id: String
        let verb: ActionVerb
        let method: String
        /// The raw path (no query): "same body" means the same bytes on the same path.
        let path: String
        let headers: HTTPFields
        let body: [UInt8]
    }

    func handle(_ call: Call, key: IssuedKey) async throws -> APIReply {
        guard key.role.mayDecide else {
            throw APIError(.forbidden, "This key has the \(key.role.rawValue) role, which cannot take actions.")
        }
        let idempotencyKey = try Self.idempotencyKey(call.headers)
        let bodyHash = RequestSigning.bodyHash(call.body)
        let now = Date()
        return try await store.write(now: now) { transaction in
            if let record = try IdempotencyRecords.find(transaction.db, clubId: key.clubId, key: idempotencyKey,
                                                        now: now) {
                guard record.method == call.method, record.path == call.path, record.bodyHash == bodyHash else {
                    throw APIError(.duplicateIdempotencyConflict, "Idempotency key was reused with a different payload.",
                                   details: .object(["idempotencyKey": .string(idempotencyKey)]))
                }
                return APIReply(status: record.status, body: record.body, replayed: true)
            }
            let body = try ActionBody.parse(contentType: call.headers[HTTPHeaders.contentType], body: call.body,
                                            noteRequired: call.verb == .escalate)
            let reply: APIReply
            do {
                reply = .object(try Decisions.decide(call.subject, id: call.id, verb: call.verb, body: body, by: key,
                                                     in: transaction))
            } catch let error as APIError where IdempotencyRecords.storedStatuses.contains(error.status) {
                reply = .error(error)
            }
            try IdempotencyRecords.save(transaction.db, clubId: key.clubId, key: idempotencyKey,
                                        record: .init(method: call.method, path: call.path, bodyHash: bodyHash,
                                                      status: reply.status, body: reply.body), now: now)
            return reply
        }
    }

    /// 1–255 printable ASCII characters.
    static func idempotencyKey(_ headers: HTTPFields) throws -> String {
        guard let value = headers[HTTPHeaders.idempotencyKey] else {
            throw APIError.invalidRequest("Every POST needs an Idempotency-Key header.")
        }
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            throw APIError.invalidRequest("Idempotency-Key must be 1 to 255 printable ASCII characters.")
        }
        return value
    }
}
