import Foundation
import Mirror
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// Reads the feed head, then every list in full, then sets the cursor to that head (§7).
    /// Progress is stored with each page, so an interrupted bootstrap resumes where it stopped.
    func bootstrap(events: SyncEventHandler) async throws -> Int {
        if try mirror.bootstrapHead() == nil {
            let head = try await client.feedHead()
            try mirror.beginBootstrap(head: head.cursor)
        }
        var total = 0
        total += try await readList(.member, events: events) { cursor in
            try await self.client.members(cursor: cursor, limit: self.pageSize, includeDeleted: true)
        }
        total += try await readList(.redemption, events: events) { cursor in
            try await self.client.redemptions(cursor: cursor, limit: self.pageSize)
        }
        total += try await readList(.review, events: events) { cursor in
            try await self.client.reviews(cursor: cursor, limit: self.pageSize)
        }
        total += try await readList(.requestLog, events: events) { cursor in
            try await self.client.requestLogs(cursor: cursor, limit: self.pageSize)
        }
        try mirror.completeBootstrap()
        events(.bootstrapped(rows: total))
        return total
    }

    private func readList<Object: Sendable & Identifiable>(
        _ kind: ObjectKind, events: SyncEventHandler, fetch: (String?) async throws -> Page<Object>
    ) async throws -> Int where Object.ID == String {
        let progress = try mirror.bootstrapProgress(kind)
        if progress.done { return 0 }
        var cursor = progress.cursor
        var lastId = progress.lastId
        var rows = 0
        var advancing = ListProgressGuard(list: kind.listName, path: kind.listPath, resumingAfter: lastId)
        while true {
            try Task.checkCancellation()
            let page = try await fetch(cursor)
            try advancing.check(sent: cursor, ids: page.rows.map(\.id), nextCursor: page.nextCursor, hasMore: page.hasMore)
            try mirror.applyBootstrapPage(page.rows, previousLastId: lastId, nextCursor: page.nextCursor,
                                          isLast: !page.hasMore)
            rows += page.rows.count
            events(.status(.bootstrapping(kind: kind.rawValue, rows: rows)))
            events(.bootstrapPage(kind: kind.rawValue, rows: rows, lastId: page.rows.last?.id))
            if !page.hasMore { return rows }
            cursor = page.nextCursor
            lastId = page.rows.last?.id ?? lastId
        }
    }
}
