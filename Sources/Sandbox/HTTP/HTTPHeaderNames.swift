import Hummingbird
import RewardsContract

/// Header names of the contract. `HTTPFields.Element` is HTTPTypes' `HTTPField`, reached through
/// Hummingbird's re-export.
enum HTTPHeaders {
    typealias Name = HTTPFields.Element.Name
    static let contentType = Name.contentType
    static let retryAfter = Name.retryAfter
    static let authorization = Name.authorization
    // The names are valid tokens, so these cannot fail.
    static let requestID = Name("X-Request-ID")!
    static let idempotentReplayed = Name("Idempotent-Replayed")!
    static let idempotencyKey = Name("Idempotency-Key")!
    static let timestamp = Name(RequestSigning.timestampHeader)!
    static let signature = Name(RequestSigning.signatureHeader)!
    // Beyond the contract: sent only with `SandboxOptions.rateLimitHeaders` (IETF draft names).
    static let rateLimitLimit = Name("RateLimit-Limit")!
    static let rateLimitRemaining = Name("RateLimit-Remaining")!
}
