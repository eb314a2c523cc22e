import GRDB
import RewardsContract

extension MirrorStore {
    /// Stores ledger entries fetched for a member. Entries never change, so a stored one is
    /// simply kept; a purged member's entries are refused.
    public func storeLedger(_ entries: [LedgerEntry]) throws {
        try pool.write { db in
            for entry in entries {
                if try Int.fetchOne(db, sql: "SELECT 1 FROM tombstones WHERE id = ?", arguments: [entry.memberId]) != nil {
                    continue
                }
                let names = LedgerEntry.columns.joined(separator: ", ")
                let marks = LedgerEntry.columns.map { _ in "?" }.joined(separator: ", ")
                try db.execute(sql: "INSERT OR IGNORE INTO ledger (\(names)) VALUES (\(marks))",
                               arguments: StatementArguments(values: entry.columnValues))
            }
        }
    }

    /// A member's ledger, newest first, as the mirror holds it.
    public func ledger(memberId: String, limit: Int = 500) throws -> [LedgerEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(LedgerEntry.columns.joined(separator: ", ")) FROM ledger WHERE memberId = ?
                ORDER BY createdEpoch DESC, id DESC LIMIT ?
                """, arguments: [memberId, limit]).map(LedgerEntry.init(row:))
        }
    }
}
