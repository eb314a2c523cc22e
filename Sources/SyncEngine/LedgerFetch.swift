import Mirror
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// Fetches a member's ledger on demand (it is not in the feed) and keeps it in the mirror.
    /// Pages until the end, or until `limit` entries, newest first.
    @discardableResult
    public func fetchLedger(memberId: String, limit: Int = 2000) async throws -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        var cursor: String?
        repeat {
            let page = try await client.ledger(memberId: memberId, cursor: cursor, limit: min(1000, limit))
            let rows = page.rows
            try await onMirror { try $0.storeLedger(rows) }
            entries += page.rows
            cursor = page.hasMore ? page.nextCursor : nil
        } while cursor != nil && entries.count < limit
        return entries
    }
}
