import Foundation
import NIOHTTP1
import RewardsContract

/// What an approve or escalate returned.
public enum ActionOutcome: Sendable, Hashable {
    case review(Review)
    case redemption(Redemption)

    public var version: Int {
        switch self {
        case .review(let review): return review.version
        case .redemption(let redemption): return redemption.version
        }
    }
}

public struct ActionResponse: Sendable {
    public var outcome: ActionOutcome
    public var requestId: String?
    public var replayed: Bool
}

extension PlatformClient {
    /// Posts one decision. `body` must be the exact bytes stored with `idempotencyKey`, so a
    /// retry, or a resend after a crash, is the same request to the server.
    public func act(subject: ActionSubject, id: String, verb: ActionVerb, body: Data, idempotencyKey: String)
        async throws -> ActionResponse {
        let path = subject.path(id: id, verb: verb)
        let response = try await send(method: .POST, pathAndQuery: path, body: body, idempotencyKey: idempotencyKey)
        switch subject {
        case .review:
            let envelope = try decode(Review.self, from: response, method: .POST, path: path)
            return ActionResponse(outcome: .review(envelope.data), requestId: response.requestId, replayed: response.replayed)
        case .redemption:
            let envelope = try decode(Redemption.self, from: response, method: .POST, path: path)
            return ActionResponse(outcome: .redemption(envelope.data), requestId: response.requestId,
                                  replayed: response.replayed)
        }
    }
}
