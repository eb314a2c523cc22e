import RewardsContract

extension StoreTransaction {
    /// Posts a ledger entry and moves the member's available points by the same amount in the
    /// same transaction, which is what keeps every balance equal to the sum of its ledger.
    /// Earns also count towards `pointsLifetime`. The member is saved (version + 1).
    @discardableResult
    func post(_ kind: LedgerKind, points: Int, to member: inout Member, externalTransactionId: String? = nil,
              redemptionId: String? = nil) throws -> LedgerEntry {
        let entry = LedgerEntry(id: try nextId(.ledger), memberId: member.id, kind: kind, points: points,
                                externalTransactionId: externalTransactionId, redemptionId: redemptionId,
                                createdAt: stamp)
        try post(entry)
        member.pointsAvailable += points
        if kind == .earn { member.pointsLifetime += points }
        try save(&member)
        return entry
    }
}
