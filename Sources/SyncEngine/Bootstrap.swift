import Foundation
import Mirror
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// The order a bootstrap reads the lists: what an operator acts on first (the review
    /// queue, then redemptions, then the error log), members last: their first page is all a
    /// pane needs, and a million members take the longest.
    public static let bootstrapOrder: [ObjectKind] = [.review, .redemption, .requestLog, .member]

    /// Reads the feed head, then every list in full, then sets the cursor to that head (§7).
    /// Each page is committed with the list's progress as it lands, so an interrupted bootstrap
    /// resumes where it stopped; the next page is already on its way while one is written.
    func bootstrap(events: SyncEventHandler) async throws -> Int {
        var resumed = true
        var pass: BootstrapPass
        if let existing = try await mirror.bootstrapPass() {
            pass = existing
        } else {
            let head = try await client.feedHead()
            pass = try await mirror.beginBootstrap(head: head.cursor, counts: head.counts)
            resumed = false
        }
        var totals: [ObjectKind: Int] = [:]
        for kind in Self.bootstrapOrder { totals[kind] = pass.counts?.total(of: kind) }
        events(.progress(.passStarted(BootstrapPassInfo(order: Self.bootstrapOrder, totals: totals,
                                                        replacesRows: pass.replacesRows, resumed: resumed))))
        let lists = Self.bootstrapOrder.filter { pass.lists[$0]?.done != true }
        var written = 0
        var prefetched: Task<ListPage, any Error>?
        do {
            for (position, kind) in lists.enumerated() {
                var list = pass.lists[kind] ?? BootstrapListState()
                let meter = RateMeter(rowsAtStart: list.rows)
                var next: Task<ListPage, any Error>? = prefetched ?? fetchAhead(kind, cursor: list.cursor)
                prefetched = nil
                // A page must move the list on: a cursor handed back, or ids that do not rise,
                // is a protocol error, not a loop (issue #16).
                var advancing = ListProgressGuard(list: kind.listName, path: kind.listPath, resumingAfter: list.lastId)
                var sent = list.cursor
                while let fetching = next {
                    try Task.checkCancellation()
                    let page = try await Self.value(of: fetching)
                    try advancing.check(sent: sent, ids: page.rows.ids, nextCursor: page.nextCursor, hasMore: page.hasMore)
                    sent = page.nextCursor
                    if page.hasMore {
                        next = fetchAhead(kind, cursor: page.nextCursor)
                    } else {
                        next = nil
                        if position + 1 < lists.count {
                            let following = lists[position + 1]
                            prefetched = fetchAhead(following, cursor: pass.lists[following]?.cursor)
                        }
                    }
                    let stored: Int
                    do {
                        stored = try await mirror.applyBootstrapPage(page.rows, previousLastId: list.lastId,
                                                                     nextCursor: page.nextCursor, isLast: !page.hasMore)
                    } catch {
                        next?.cancel()
                        throw error
                    }
                    list.rows += stored
                    list.lastId = page.rows.lastId ?? list.lastId
                    written += stored
                    events(.status(.bootstrapping(kind: kind.rawValue, rows: list.rows)))
                    events(.bootstrapPage(kind: kind.rawValue, rows: list.rows, lastId: page.rows.lastId))
                    events(.progress(.list(ListProgress(kind: kind, rows: list.rows, total: totals[kind],
                                                        rowsPerSecond: meter.rate(rows: list.rows)))))
                }
                events(.progress(.listFinished(kind: kind, rows: list.rows)))
            }
        } catch {
            prefetched?.cancel()
            throw error
        }
        let removed = try await mirror.completeBootstrap()
        events(.progress(.passEnded(rows: written, removed: removed, replacedRows: pass.replacesRows)))
        events(.bootstrapped(rows: written))
        return written
    }

    /// Starts fetching (and decoding) a page now, to be awaited when its turn comes.
    private func fetchAhead(_ kind: ObjectKind, cursor: String?) -> Task<ListPage, any Error> {
        Task { try await self.fetchPage(kind, cursor: cursor) }
    }

    /// Awaits a page fetched ahead; cancelling the waiting task cancels the fetch too.
    private static func value(of task: Task<ListPage, any Error>) async throws -> ListPage {
        try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }

    func fetchPage(_ kind: ObjectKind, cursor: String?) async throws -> ListPage {
        switch kind {
        case .member:
            let page = try await listPage("/v1/members", [("includeDeleted", "true")], cursor: cursor,
                                          fast: MemberPageDecoder.decode)
            return ListPage(rows: .members(page.rows), nextCursor: page.nextCursor, hasMore: page.hasMore)
        case .redemption:
            let page = try await listPage("/v1/redemptions", [], cursor: cursor, fast: QueuePageDecoders.redemptions)
            return ListPage(rows: .redemptions(page.rows), nextCursor: page.nextCursor, hasMore: page.hasMore)
        case .review:
            let page = try await listPage("/v1/reviews", [], cursor: cursor, fast: QueuePageDecoders.reviews)
            return ListPage(rows: .reviews(page.rows), nextCursor: page.nextCursor, hasMore: page.hasMore)
        case .requestLog:
            let page = try await listPage("/v1/request-logs", [], cursor: cursor, fast: QueuePageDecoders.requestLogs)
            return ListPage(rows: .requestLogs(page.rows), nextCursor: page.nextCursor, hasMore: page.hasMore)
        }
    }
}

extension BootstrapRows {
    var ids: [String] {
        switch self {
        case .members(let rows): return rows.map(\.id)
        case .redemptions(let rows): return rows.map(\.id)
        case .reviews(let rows): return rows.map(\.id)
        case .requestLogs(let rows): return rows.map(\.id)
        }
    }
}

/// A decoded page of one bootstrap list.
struct ListPage: Sendable {
    var rows: BootstrapRows
    var nextCursor: String?
    var hasMore: Bool
}

/// Rows per second of one list since this run began on it.
struct RateMeter {
    let started = ContinuousClock.now
    let rowsAtStart: Int

    func rate(rows: Int) -> Double {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(rows - rowsAtStart) / seconds : 0
    }
}
