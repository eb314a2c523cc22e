import Foundation
import Mirror
import RewardsContract

/// A review or a redemption: what a decision is taken on.
enum DecidedObject: Encodable {
    case review(Review)
    case redemption(Redemption)

    var subject: ActionSubject {
        switch self {
        case .review: return .review
        case .redemption: return .redemption
        }
    }

    var version: Int {
        switch self {
        case .review(let review): return review.version
        case .redemption(let redemption): return redemption.version
        }
    }

    var status: String {
        switch self {
        case .review(let review): return review.status.rawValue
        case .redemption(let redemption): return redemption.status.rawValue
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .review(let review): try review.encode(to: encoder)
        case .redemption(let redemption): try redemption.encode(to: encoder)
        }
    }
}

enum DecisionOutcome {
    /// The platform applied it now.
    case applied(OutboxEntry, DecidedObject)
    /// This mirror's last decision already was this one, and nothing changed since.
    case unchanged(OutboxEntry, DecidedObject)
    /// The platform, or a rule here, said no.
    case refused(code: String, message: String, requestId: String?)
    /// No answer in time; the entry waits in the outbox.
    case pending(OutboxEntry)
    case notFound(String)
}

/// The outcome as `--json` prints it, and the sentence a person reads.
struct DecisionReport: Encodable {
    var result: String
    var verb: String
    var id: String
    var code: String?
    var message: String?
    var requestId: String?
    var idempotencyKey: String?
    var object: DecidedObject?
    var sentence: String

    enum CodingKeys: String, CodingKey { case result, verb, id, code, message, requestId, idempotencyKey, object }

    init(_ outcome: DecisionOutcome, verb: ActionVerb, objectId: String) {
        self.verb = verb.rawValue
        id = objectId
        let done = verb == .approve ? "Approved" : "Escalated"
        switch outcome {
        case .applied(let entry, let object):
            result = "applied"
            requestId = entry.requestId
            idempotencyKey = entry.idempotencyKey
            self.object = object
            sentence = "\(done) \(objectId): status \(object.status), version \(object.version)"
                + (entry.requestId.map { " (request \($0))" } ?? "") + "."
        case .unchanged(let entry, let object):
            result = "unchanged"
            requestId = entry.requestId
            idempotencyKey = entry.idempotencyKey
            self.object = object
            sentence = "Already \(done.lowercased()) \(objectId) from this mirror at \(RFC3339.format(entry.updatedAt)) "
                + "(version \(object.version)\(entry.requestId.map { ", request \($0)" } ?? "")): nothing sent."
        case .refused(let code, let message, let requestId):
            result = "refused"
            self.code = code
            self.message = message
            self.requestId = requestId
            sentence = "Refused: \(verb.rawValue) \(objectId): \(code): \(message)"
                + (requestId.map { " (request \($0))" } ?? "") + ". Nothing was applied."
        case .pending(let entry):
            result = "pending"
            code = entry.errorCode
            message = entry.errorMessage
            idempotencyKey = entry.idempotencyKey
            let why = entry.errorCode.map { " (last attempt: \($0)\(entry.errorMessage.map { ": \($0)" } ?? ""))" } ?? ""
            sentence = "No answer in time\(why): the \(verb.rawValue) of \(objectId) stays in the outbox and goes out with the "
                + "next `rewards-ops sync` or console session. Run this command again to wait for it; it is never sent twice."
        case .notFound(let text):
            result = "not_found"
            message = text
            sentence = text
        }
    }
}
