import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// A decision refused before it was written: the key has never been identified on this
/// mirror, so nothing says which club and environment the entry would belong to.
public struct KeyNotIdentified: Error, Sendable, CustomStringConvertible {
    public var keyId: String
    public var description: String {
        "key \(keyId) has not been identified on this mirror yet (GET /v1/me): sync first"
    }
}

extension SyncEngine {
    /// Asks the platform who the key is, and binds the mirror to that club and environment on
    /// this platform (or checks that it already is). A mirror of another club, environment or
    /// host throws `MirrorIdentityMismatch`, before anything is read into it or sent from it.
    @discardableResult
    public func identify(events: SyncEventHandler) async throws -> Me {
        let keyId = client.credentials.keyId
        logger.info("connecting", metadata: ["platform": "\(client.credentials.baseURL)", "key": "\(keyId)"])
        let me = try await client.me()
        guard me.keyId == keyId else {
            throw PlatformError(kind: .invalidResponse("GET /v1/me answered for key \(me.keyId.prefix(80)), not \(keyId)"),
                                method: "GET", path: "/v1/me", requestId: nil, attempts: 1)
        }
        let baseURL = client.credentials.baseURL
        try await onMirror { try $0.bind(me, keyId: keyId, baseURL: baseURL) }
        onIdentity(me)
        events(.identity(me))
        return me
    }

    /// The key, club and environment this engine's decisions are taken and sent under; nil
    /// until the key has been identified on this mirror.
    func outboxOwner() throws -> OutboxOwner? {
        let keyId = client.credentials.keyId
        return try mirror.identity(keyId: keyId).map {
            OutboxOwner(keyId: keyId, clubId: $0.clubId, environment: $0.environment)
        }
    }
}
