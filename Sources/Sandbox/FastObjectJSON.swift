import RewardsContract

/// Hand-written JSON for the two types the bulk load writes by the million.
///
/// JSONEncoder costs most of the generation time; these produce exactly its output (sorted
/// keys, the same escapes, `null` for absent values) at a fraction of the cost. A test
/// compares them byte for byte with JSONEncoder over generated and hostile data, so a new
/// field in the contract types fails the build's tests rather than drifting.
enum FastObjectJSON {
    static func member(_ m: Member) -> String {
        var out = "{\"clubId\":"
        out.reserveCapacity(384)
        out += JSONText.quoted(m.clubId)
        out += ",\"createdAt\":" + JSONText.quoted(m.createdAt.raw)
        out += ",\"currency\":" + JSONText.quoted(m.currency)
        out += ",\"deletedAt\":" + (m.deletedAt.map { JSONText.quoted($0.raw) } ?? "null")
        out += ",\"email\":" + JSONText.quoted(m.email)
        out += ",\"externalRef\":" + JSONText.quoted(m.externalRef)
        out += ",\"id\":" + JSONText.quoted(m.id)
        out += ",\"name\":" + JSONText.quoted(m.name)
        out += ",\"payoutReady\":" + (m.payoutReady ? "true" : "false")
        out += ",\"pointsAvailable\":" + String(m.pointsAvailable)
        out += ",\"pointsLifetime\":" + String(m.pointsLifetime)
        out += ",\"pointsPending\":" + String(m.pointsPending)
        out += ",\"status\":" + JSONText.quoted(m.status.rawValue)
        out += ",\"updatedAt\":" + JSONText.quoted(m.updatedAt.raw)
        out += ",\"version\":" + String(m.version) + "}"
        return out
    }

    static func ledger(_ e: LedgerEntry) -> String {
        var out = "{\"createdAt\":"
        out.reserveCapacity(256)
        out += JSONText.quoted(e.createdAt.raw)
        out += ",\"externalTransactionId\":" + (e.externalTransactionId.map(JSONText.quoted) ?? "null")
        out += ",\"id\":" + JSONText.quoted(e.id)
        out += ",\"kind\":" + JSONText.quoted(e.kind.rawValue)
        out += ",\"memberId\":" + JSONText.quoted(e.memberId)
        out += ",\"points\":" + String(e.points)
        out += ",\"redemptionId\":" + (e.redemptionId.map(JSONText.quoted) ?? "null") + "}"
        return out
    }
}
