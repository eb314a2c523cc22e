import RewardsContract

/// `POST /v1/redemptions/{id}/cancel`: the club withdraws a redemption that has not been paid.
/// Its points go back to the member (a `redemption_release` ledger entry) and its cash hold
/// back to the club's capacity.
enum RedemptionCancellation {
    static let cancellable: [RedemptionStatus] = [.pendingApproval, .reserved, .payoutFailed, .escalated]

    static func apply(redemptionId: String, in transaction: StoreTransaction) throws -> APIReply {
        try IntegrationChecks.club(transaction)
        var redemption = try IntegrationChecks.redemption(redemptionId, in: transaction)
        guard cancellable.contains(redemption.status) else {
            throw APIError.invalidRequest("A \(redemption.status.rawValue) redemption cannot be cancelled.",
                                          details: .object(["status": .string(redemption.status.rawValue)]))
        }
        if var member = try transaction.load(Member.self, id: redemption.memberId) {
            try transaction.post(.redemptionRelease, points: redemption.points, to: &member, redemptionId: redemption.id)
        }
        redemption.status = .cancelled
        try transaction.save(&redemption)
        try CashHolds.release(redemption.id, in: transaction)
        return .object(try redemption.encodedJSON(with: transaction.encoder))
    }
}
