import Foundation
import GRDB
import RewardsContract

/// A settled transaction's award, by the club's `externalTransactionId`: what the duplicate,
/// conflict and reversal rules of §10 look up. Its ledger entry is the balance's record.
struct EarnRecord: Sendable, Equatable {
    let externalTransactionId: String
    let memberId: String
    let points: Int
    let amountMinor: Int
    let currency: String
    var reversed: Bool
    let createdAtMicros: Int64
    let ledgerId: String

    /// The payload a repeated settlement is compared with: same member, amount and currency.
    func samePayload(memberId: String, amountMinor: Int, currency: String) -> Bool {
        self.memberId == memberId && self.amountMinor == amountMinor && self.currency == currency
    }
}

/// Settled transactions come from two places. Those settled through the API (and by the
/// activity simulator) have a row in `earns`. Generated ones do not: a row each would have
/// nearly doubled the time to generate a million members, so their transaction id names the
/// member (`txn_` + the member id's suffix + a slot), and the member's ledger holds the rest.
/// Whether an earn was reversed is also read from the ledger, where every reversal posts an
/// entry with the transaction's id.
enum EarnRecords {
    static func generatedTransactionId(memberSuffix: String, slot: UInt64) -> String {
        "txn_" + memberSuffix + Mix64.base36(slot, width: 2)
    }

    static func find(_ db: Database, externalTransactionId id: String) throws -> EarnRecord? {
        if let row = try Row.fetchOne(db, sql: """
            SELECT externalTransactionId, memberId, points, amountMinor, currency, reversed, createdAtMicros, ledgerId
            FROM earns WHERE externalTransactionId = ?
            """, arguments: [id]) {
            return EarnRecord(externalTransactionId: row[0], memberId: row[1], points: row[2], amountMinor: row[3],
                              currency: row[4], reversed: row[5] as Int64 != 0, createdAtMicros: row[6],
                              ledgerId: row[7])
        }
        return try generated(db, externalTransactionId: id)
    }

    /// A generated earn, found through its member's ledger.
    private static func generated(_ db: Database, externalTransactionId id: String) throws -> EarnRecord? {
        guard id.hasPrefix("txn_"), id.utf8.count == 4 + 13 + 2 else { return nil }
        let memberId = "mem_" + id.dropFirst(4).prefix(13)
        let ledger = try entries(db, memberId: memberId)
        guard let earn = ledger.first(where: { $0.kind == .earn && $0.externalTransactionId == id }),
              let currency = try String.fetchOne(db, sql: "SELECT json_extract(json, '$.currency') FROM members WHERE id = ?",
                                                 arguments: [memberId]) else { return nil }
        // The purchase amount was never stored: the one the club's earn rate gives back.
        let rate = try MetaValues.clubSettings(db).earnRate
        let amount = rate.numerator > 0 ? earn.points * rate.denominator / rate.numerator : earn.points
        return EarnRecord(externalTransactionId: id, memberId: memberId, points: earn.points, amountMinor: amount,
                          currency: currency, reversed: isReversed(id, in: ledger),
                          createdAtMicros: Microseconds.of(earn.createdAt), ledgerId: earn.id)
    }

    /// A member's ledger, oldest first.
    static func entries(_ db: Database, memberId: String) throws -> [LedgerEntry] {
        let decoder = JSONDecoder()
        return try String.fetchAll(db, sql: "SELECT json FROM ledger WHERE memberId = ? ORDER BY createdAtMicros, id",
                                   arguments: [memberId])
            .map { try decoder.decode(LedgerEntry.self, from: Data($0.utf8)) }
    }

    static func isReversed(_ id: String, in ledger: [LedgerEntry]) -> Bool {
        ledger.contains { $0.kind == .reversal && $0.externalTransactionId == id }
    }

    static func insert(_ db: Database, _ record: EarnRecord) throws {
        try db.cachedStatement(sql: """
            INSERT INTO earns(externalTransactionId, memberId, points, amountMinor, currency, reversed, createdAtMicros,
                ledgerId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [record.externalTransactionId, record.memberId, record.points, record.amountMinor,
                                     record.currency, record.reversed ? 1 : 0, record.createdAtMicros,
                                     record.ledgerId])
    }

    /// Generated earns have no row: their reversal entry in the ledger is what marks them.
    static func markReversed(_ db: Database, externalTransactionId: String) throws {
        try db.execute(sql: "UPDATE earns SET reversed = 1 WHERE externalTransactionId = ?",
                       arguments: [externalTransactionId])
    }
}
