import Foundation
import Mirror
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// The order of the lists: what an operator acts on first (the review queue, then
    /// redemptions, then the error log), read one after the other; members last, read beside
    /// them from the moment the queue's first page is committed: a million members take the
    /// longest, and the queue's first page is all its pane needs.
    public static let bootstrapOrder: [ObjectKind] = [.review, .redemption, .requestLog, .member]

    /// Reads the feed head, then every list in full, then sets the cursor to that head (§7).
    /// Each page is committed with its list's progress as it lands, so an interrupted bootstrap
    /// resumes every list where it stopped; the next page is already on its way while one is
    /// decoded and another written.
    func bootstrap(events: SyncEventHandler) async throws -> Int {
        var resumed = true
        let pass: BootstrapPass
        if let existing = try await mirror.bootstrapPass() {
            pass = existing
        } else {
            let head = try await client.feedHead()
            pass = try await mirror.beginBootstrap(head: head.cursor, counts: head.counts)
            resumed = false
        }
        let totals = Dictionary(uniqueKeysWithValues: Self.bootstrapOrder.compactMap { kind in
            pass.counts?.total(of: kind).map { (kind, $0) }
        })
        events(.progress(.passStarted(BootstrapPassInfo(order: Self.bootstrapOrder, totals: totals,
                                                        replacesRows: pass.replacesRows, resumed: resumed))))
        let lists = Self.bootstrapOrder.filter { pass.lists[$0]?.done != true }
        // Two chains of pages at once: the queue's lists one after the other, and the members
        // beside them from the moment the queue's first page is committed (it is on screen
        // first). One chain left a core idle: each page's fetch and decode took as long as its
        // write, and a list's next page cannot be asked for before its cursor arrives.
        let queueLists = lists.filter { $0 != .member }
        // A first start holds nothing of its own: its checkpoints skip their fsyncs.
        let relaxed = try await mirror.relaxDurabilityForBootstrap()
        let written: Int
        do {
            written = try await readLists(lists, queueLists: queueLists, pass: pass, totals: totals, events: events)
            if relaxed { try await mirror.restoreDurability() }
        } catch {
            if relaxed { try? await mirror.restoreDurability() }
            throw error
        }
        let removed = try await mirror.completeBootstrap()
        events(.progress(.passEnded(rows: written, removed: removed, replacedRows: pass.replacesRows)))
        events(.bootstrapped(rows: written))
        return written
    }

    /// The two chains of a pass (see `bootstrap`); returns the rows written.
    private func readLists(_ lists: [ObjectKind], queueLists: [ObjectKind], pass: BootstrapPass,
                           totals: [ObjectKind: Int], events: SyncEventHandler) async throws -> Int {
        let (firstQueuePage, queueShown) = AsyncStream<Void>.makeStream()
        return try await withoutActuallyEscaping(events) { events in
            try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    defer { queueShown.finish() }
                    var written = 0
                    for kind in queueLists {
                        written += try await self.bootstrapList(kind, from: pass.lists[kind] ?? BootstrapListState(),
                                                                total: totals[kind], events: events,
                                                                committed: { queueShown.finish() })
                    }
                    return written
                }
                if lists.contains(.member) {
                    group.addTask {
                        for await _ in firstQueuePage {}
                        try Task.checkCancellation()
                        return try await self.bootstrapList(.member, from: pass.lists[.member] ?? BootstrapListState(),
                                                            total: totals[.member], events: events, committed: {})
                    }
                }
                var written = 0
                for try await rows in group { written += rows }
                return written
            }
        }
    }

    /// Pages of one list received ahead of the writer (decoding or decoded, not yet written).
    public static let pagesAhead = 2

    /// Reads one list to its end from where the pass left it, committing each page with the
    /// list's progress. Three stages overlap: the next request goes out as soon as a page's
    /// cursor is read (ahead of its rows), the rows are decoded beside it, and the writer
    /// commits the pages in order; at most `pagesAhead` wait for the writer. Returns the rows
    /// written.
    private func bootstrapList(_ kind: ObjectKind, from start: BootstrapListState, total: Int?,
                               events: @escaping SyncEventHandler,
                               committed: @escaping @Sendable () -> Void) async throws -> Int {
        let pipe = PagePipe<Task<ListPage, any Error>>(capacity: Self.pagesAhead)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                do {
                    try await self.receiveList(kind, from: start.cursor, into: pipe)
                    await pipe.finish()
                } catch {
                    await pipe.finish(throwing: error)
                }
                return 0
            }
            do {
                let written = try await writeList(kind, from: start, total: total, pipe: pipe, events: events,
                                                  committed: committed)
                try await group.waitForAll()
                return written
            } catch {
                for decoding in await pipe.close() { decoding.cancel() }
                throw error
            }
        }
    }

    /// The request loop of one list: each page's cursor sends the next request while the page
    /// is decoded beside it. A page whose cursor cannot be read ahead is decoded first.
    private func receiveList(_ kind: ObjectKind, from cursor: String?,
                             into pipe: PagePipe<Task<ListPage, any Error>>) async throws {
        var cursor = cursor
        while true {
            try Task.checkCancellation()
            let received = try await receivePage(kind, cursor: cursor)
            let next: PageInfo
            let decoding: Task<ListPage, any Error>
            if let ahead = received.ahead {
                next = ahead
                decoding = Task { try Self.decode(received) }
            } else {
                let page = try Self.decode(received)
                next = PageInfo(nextCursor: page.nextCursor, hasMore: page.hasMore)
                decoding = Task { page }
            }
            try await pipe.send(decoding)
            guard next.hasMore else { return }
            cursor = next.nextCursor
        }
    }

    /// The writing end of one list: commits its pages in order, with the list's progress.
    private func writeList(_ kind: ObjectKind, from start: BootstrapListState, total: Int?,
                           pipe: PagePipe<Task<ListPage, any Error>>, events: SyncEventHandler,
                           committed: () -> Void) async throws -> Int {
        var list = start
        let meter = RateMeter(rowsAtStart: list.rows)
        // A page must move the list on: a cursor handed back, or ids that do not rise, is a
        // protocol error, not a loop (issue #16). The request loop is at most `pagesAhead`
        // pages ahead of this check.
        var advancing = ListProgressGuard(list: kind.listName, path: kind.listPath, resumingAfter: list.lastId)
        var sent = list.cursor
        var written = 0
        while let decoding = try await pipe.next() {
            let page = try await Self.value(of: decoding)
            try advancing.check(sent: sent, ids: page.rows.ids, nextCursor: page.nextCursor, hasMore: page.hasMore)
            sent = page.nextCursor
            let stored = try await mirror.applyBootstrapPage(page.rows, previousLastId: list.lastId,
                                                             nextCursor: page.nextCursor, isLast: !page.hasMore)
            committed()
            list.rows += stored
            list.lastId = page.rows.lastId ?? list.lastId
            written += stored
            events(.status(.bootstrapping(kind: kind.rawValue, rows: list.rows)))
            events(.bootstrapPage(kind: kind.rawValue, rows: list.rows, lastId: page.rows.lastId))
            events(.progress(.list(ListProgress(kind: kind, rows: list.rows, total: total,
                                                rowsPerSecond: meter.rate(rows: list.rows)))))
            if !page.hasMore { break }
        }
        events(.progress(.listFinished(kind: kind, rows: list.rows)))
        return written
    }

    /// Awaits a page decoded ahead; cancelling the waiting task cancels the decoding too.
    private static func value(of task: Task<ListPage, any Error>) async throws -> ListPage {
        try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
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
