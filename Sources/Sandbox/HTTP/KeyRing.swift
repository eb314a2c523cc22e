import Crypto
import RewardsContract

/// A key as the server knows it.
struct IssuedKey: Sendable, Hashable {
    let id: String
    let secret: String
    let environment: Environment
    let role: Role
    let clubId: String
}

/// Every key the server knows: both roles in both environments for the sandbox's club and for
/// one other club, a second ops key of the served club (two consoles racing on one review),
/// plus the traffic generator's key. A key of the other environment is thus
/// recognised and refused with details (contract §11) rather than "unknown", and a key of
/// another club is a real key whose club simply has no data here.
struct KeyRing: Sendable {
    /// What a key is for; the label also seeds its id and secret.
    enum Purpose: String, Sendable {
        case console = ""
        case otherClub = "other-club/"
        case integration = "integration/"
        case secondConsole = "second-console/"
    }

    private let keys: [String: IssuedKey]
    private let byPurpose: [String: IssuedKey]

    init(seed: UInt64, clubId: String, otherClubId: String) {
        var keys: [String: IssuedKey] = [:]
        var byPurpose: [String: IssuedKey] = [:]
        let plan: [(Purpose, String, [Role])] = [
            (.console, clubId, [.ops, .support]), (.otherClub, otherClubId, [.ops, .support]),
            (.integration, clubId, [.ops]), (.secondConsole, clubId, [.ops]),
        ]
        for environment in [Environment.test, .live] {
            for (purpose, club, roles) in plan {
                for role in roles {
                    // The console keys keep the labels they always had, so their ids do not change.
                    let label = "\(purpose.rawValue)\(environment.rawValue)/\(role.rawValue)"
                    let idPart = Mix64.base36(Mix64.mix(seed ^ Mix64.hash("key-id/" + label)), width: 13)
                        + Mix64.base36(Mix64.mix(seed &+ Mix64.hash("key-id-2/" + label)), width: 13)
                    let id = "mr_\(environment.rawValue)_\(idPart)"
                    let digest = SHA256.hash(data: Array("sandbox-secret/\(seed)/\(label)".utf8))
                    let secret = "sk_\(environment.rawValue)_" + RequestSigning.hex(digest)
                    let key = IssuedKey(id: id, secret: secret, environment: environment, role: role, clubId: club)
                    keys[id] = key
                    byPurpose[label] = key
                }
            }
        }
        self.keys = keys
        self.byPurpose = byPurpose
    }

    func key(id: String) -> IssuedKey? { keys[id] }

    func key(environment: Environment, role: Role, purpose: Purpose = .console) -> IssuedKey? {
        byPurpose["\(purpose.rawValue)\(environment.rawValue)/\(role.rawValue)"]
    }

    func publicKeys(for environment: Environment) -> SandboxKeys? {
        let other: Environment = environment == .test ? .live : .test
        guard let ops = key(environment: environment, role: .ops),
              let support = key(environment: environment, role: .support),
              let ops2 = key(environment: environment, role: .ops, purpose: .secondConsole),
              let wrongEnv = key(environment: other, role: .ops),
              let otherClub = key(environment: environment, role: .ops, purpose: .otherClub),
              let integration = key(environment: environment, role: .ops, purpose: .integration) else { return nil }
        func exposed(_ key: IssuedKey) -> SandboxKey { SandboxKey(id: key.id, secret: key.secret) }
        return SandboxKeys(ops: exposed(ops), ops2: exposed(ops2), support: exposed(support), wrongEnv: exposed(wrongEnv),
                           otherClub: exposed(otherClub), otherClubId: otherClub.clubId,
                           integration: exposed(integration))
    }
}
