import GRDB

/// The club's cash capacity as reserved redemptions use it (contract §10, seed 002): a
/// redemption that becomes `reserved` holds its cash value; a cancellation or an erasure gives
/// the hold back to the capacity; a payout spends it.
enum CashHolds {
    static func holds(_ redemptionId: String, in transaction: StoreTransaction) throws -> Bool {
        try Int.fetchOne(transaction.db, sql: "SELECT 1 FROM cash_holds WHERE redemptionId = ?",
                         arguments: [redemptionId]) != nil
    }

    /// Takes the amount from the capacity; the caller has checked that it fits.
    static func hold(_ redemptionId: String, amountMinor: Int, in transaction: StoreTransaction) throws {
        try transaction.db.execute(sql: "INSERT OR REPLACE INTO cash_holds(redemptionId, amountMinor) VALUES (?, ?)",
                                   arguments: [redemptionId, amountMinor])
        try transaction.updateSettings { $0.cashCapacityMinor -= amountMinor }
    }

    /// The payout will not happen: the held cash is available again.
    static func release(_ redemptionId: String, in transaction: StoreTransaction) throws {
        guard let amount = try take(redemptionId, in: transaction) else { return }
        try transaction.updateSettings { $0.cashCapacityMinor += amount }
    }

    /// The payout happened: the held cash is gone.
    static func spend(_ redemptionId: String, in transaction: StoreTransaction) throws {
        _ = try take(redemptionId, in: transaction)
    }

    private static func take(_ redemptionId: String, in transaction: StoreTransaction) throws -> Int? {
        guard let amount = try Int.fetchOne(transaction.db, sql: "SELECT amountMinor FROM cash_holds WHERE redemptionId = ?",
                                            arguments: [redemptionId]) else { return nil }
        try transaction.db.execute(sql: "DELETE FROM cash_holds WHERE redemptionId = ?", arguments: [redemptionId])
        return amount
    }
}
