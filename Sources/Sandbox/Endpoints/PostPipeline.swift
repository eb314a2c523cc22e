import Foundation
import Hummingbird
import RewardsContract

/// One POST, as it reached an endpoint.
struct PostCall: Sendable {
    let method: String
    /// The raw path (no query): "same body" means the same bytes on the same path.
    let path: String
    let headers: HTTPFields
    let body: [UInt8]
    let key: IssuedKey
}

/// What every POST goes through, in the order of contract §11: role (403) →
/// `Idempotency-Key` present (400) → replay or conflict (409) → body validation (400) → the
/// endpoint's rules (404, 409, 422) → success. Answers of status 200, 404, 409 and 422 are
/// stored under the key in the same transaction as the change they describe, so a replay and
/// the change can never disagree.
struct PostPipeline: Sendable {
    let store: SandboxStore

    func run<Body: Sendable>(_ call: PostCall, parse: @escaping @Sendable (_ contentType: String?, _ body: [UInt8]) throws -> Body,
                             apply: @escaping @Sendable (Body, StoreTransaction) throws -> APIReply) async throws -> APIReply {
        guard call.key.role.mayDecide else {
            throw APIError(.forbidden, "This key has the \(call.key.role.rawValue) role, which is read only.")
        }
        let idempotencyKey = try Self.idempotencyKey(call.headers)
        let bodyHash = RequestSigning.bodyHash(call.body)
        let now = Date()
        let clubId = call.key.clubId
        let sweep = store.idempotencySweepDue(now: now)
        return try await store.write(now: now) { transaction in
            if sweep { try IdempotencyRecords.sweep(transaction.db, now: now) }
            if let record = try IdempotencyRecords.find(transaction.db, clubId: clubId, key: idempotencyKey, now: now) {
                guard record.method == call.method, record.path == call.path, record.bodyHash == bodyHash else {
                    throw APIError(.duplicateIdempotencyConflict, "Idempotency key was reused with a different payload.",
                                   details: .object(["idempotencyKey": .string(idempotencyKey)]))
                }
                return APIReply(status: record.status, body: record.body, replayed: true)
            }
            let body = try parse(call.headers[HTTPHeaders.contentType], call.body)
            let reply: APIReply
            do {
                // A refused request is rolled back whole; an answer the rules chose to give with
                // side effects (a 422 that opens a review) is returned, not thrown, and kept.
                reply = try transaction.attempt { try apply(body, transaction) }
            } catch let error as APIError where IdempotencyRecords.storedStatuses.contains(error.status) {
                reply = .error(error)
            }
            if IdempotencyRecords.storedStatuses.contains(reply.status) {
                try IdempotencyRecords.save(transaction.db, clubId: clubId, key: idempotencyKey,
                                            record: .init(method: call.method, path: call.path, bodyHash: bodyHash,
                                                          status: reply.status, body: reply.body), now: now)
            }
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
