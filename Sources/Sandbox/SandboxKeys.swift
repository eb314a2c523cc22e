import Crypto
import RewardsContract

public struct SandboxKey: Sendable, Codable, Hashable {
    public let id: String
    public let secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}

/// The keys of the server's own environment, one per role.
public struct SandboxKeys: Sendable, Codable, Hashable {
    public let ops: SandboxKey
    public let support: SandboxKey

    public init(ops: SandboxKey, support: SandboxKey) {
        self.ops = ops
        self.support = support
    }
}

/// A key as the server knows it.
struct IssuedKey: Sendable, Hashable {
    let id: String
    let secret: String
    let environment: Environment
    let role: Role
    let clubId: String
}

/// Every key the server knows: both roles in both environments, so that a key of the other
/// environment is recognised and refused with details (contract §11) rather than "unknown".
struct KeyRing: Sendable {
    let keys: [String: IssuedKey]

    init(seed: UInt64, clubId: String) {
        var keys: [String: IssuedKey] = [:]
        for environment in [Environment.test, .live] {
            for role in [Role.ops, .support] {
                let label = "\(environment.rawValue)/\(role.rawValue)"
                let idPart = Mix64.base36(Mix64.mix(seed ^ Mix64.hash("key-id/" + label)), width: 13)
                    + Mix64.base36(Mix64.mix(seed &+ Mix64.hash("key-id-2/" + label)), width: 13)
                let id = "mr_\(environment.rawValue)_\(idPart)"
                let digest = SHA256.hash(data: Array("sandbox-secret/\(seed)/\(label)".utf8))
                let secret = "sk_\(environment.rawValue)_" + RequestSigning.hex(digest)
                keys[id] = IssuedKey(id: id, secret: secret, environment: environment, role: role, clubId: clubId)
            }
        }
        self.keys = keys
    }

    func key(id: String) -> IssuedKey? { keys[id] }

    func key(environment: Environment, role: Role) -> IssuedKey? {
        keys.values.first { $0.environment == environment && $0.role == role }
    }

    func publicKeys(for environment: Environment) -> SandboxKeys? {
        guard let ops = key(environment: environment, role: .ops),
              let support = key(environment: environment, role: .support) else { return nil }
        return SandboxKeys(ops: SandboxKey(id: ops.id, secret: ops.secret),
                           support: SandboxKey(id: support.id, secret: support.secret))
    }
}
