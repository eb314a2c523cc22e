/// The kinds of generated identifier and their prefixes.
enum ObjectKind: String, CaseIterable, Sendable {
    case member = "mem"
    case redemption = "red"
    case review = "rev"
    case requestLog = "log"
    case ledger = "led"
    case transaction = "txn"
}

/// Deterministic, unique, unordered ids: `prefix_` + 13 base-36 characters.
///
/// The suffix is a bijective mix of (index + a per-kind salt), so two indices never collide
/// and id order says nothing about creation order (as the contract warns clients).
struct IdentifierScheme: Sendable {
    let seed: UInt64

    func id(_ kind: ObjectKind, index: UInt64) -> String {
        kind.rawValue + "_" + Mix64.base36(Mix64.mix(index &+ salt(kind)), width: 13)
    }

    /// Fixed-width base 36 keeps numeric order, so ids sort as their mixed values do.
    func salt(_ kind: ObjectKind) -> UInt64 {
        Mix64.mix(seed ^ Mix64.hash(kind.rawValue))
    }

    /// Indices each member's generated objects may use; simulation continues above them.
    static let ledgerSlotsPerMember: UInt64 = 16
    static let redemptionSlotsPerMember: UInt64 = 4
    static let reviewSlotsPerMember: UInt64 = 2
    static let logSlotsPerMember: UInt64 = 2
}
