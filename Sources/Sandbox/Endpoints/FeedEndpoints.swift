import RewardsContract

/// The change feed of contract §7.
///
/// Unlike a list, the feed's `nextCursor` is never null: with nothing new it is the `after`
/// that was sent, and `hasMore` says whether more entries are already waiting.
struct FeedEndpoints: Sendable {
    let store: SandboxStore
    static let maximumWait = 30

    /// The head cursor, with how many rows each list holds at that position (contract §6, §11).
    func head() async throws -> APIReply {
        let head = try await store.feedHead()
        return try .encoded(FeedHead(cursor: Cursors.feedCursor(epoch: store.epoch, seq: head.head), counts: head.counts))
    }

    func changes(_ query: QueryParameters, faults: FaultDecision = .none) async throws -> APIReply {
        guard let after = try query.single("after") else {
            throw APIError.invalidRequest("'after' is required; start from GET /v1/changes/head.")
        }
        let limit = try ListParameters.integer(query, "limit", default: ListParameters.defaultLimit,
                                               range: 1...ListParameters.maximumLimit)
        let wait = try ListParameters.integer(query, "waitSeconds", default: 0, range: 0...Self.maximumWait)
        let position = try Cursors.feedPosition(of: after)
        guard position.epoch == store.epoch else { throw expired }

        // Room for the injected entries, so that a page never holds more than `limit`.
        let injected = (faults.duplicateFeedEntry ? 1 : 0) + (faults.reorderFeedEntry ? 1 : 0)
        let fetch = limit > injected ? limit - injected : limit
        let deadline = ContinuousClock.now.advanced(by: .seconds(wait))
        var slice = try await checked(store.changes(after: position.seq, limit: fetch), seq: position.seq)
        while slice.entries.isEmpty, ContinuousClock.now < deadline {
            let open = await store.signal.wait(beyond: position.seq, until: deadline)
            slice = try await checked(store.changes(after: position.seq, limit: fetch), seq: position.seq)
            if !open { break }
        }
        let next = slice.lastSeq.map { Cursors.feedCursor(epoch: store.epoch, seq: $0) } ?? after
        var entries = slice.entries
        if fetch < limit { entries = try await inject(faults, into: slice) }
        return .list(entries, nextCursor: next, hasMore: slice.hasMore)
    }

    /// Feed faults (contract §7 allows both): an entry repeated right after itself, and an
    /// object's previous version placed right after its newer one. Neither ever puts an upsert
    /// after a delete of the same id, which the contract rules out.
    private func inject(_ faults: FaultDecision, into slice: FeedSlice) async throws -> [String] {
        guard !slice.entries.isEmpty else { return slice.entries }
        let count = UInt64(slice.entries.count)
        // Entries to add right after the entry at each index.
        var after: [Int: [String]] = [:]
        if faults.duplicateFeedEntry {
            let index = Int(faults.position % count)
            after[index, default: []].append(slice.entries[index])
        }
        if faults.reorderFeedEntry {
            let start = Int((faults.position >> 32) % count)
            // A few tries: an entry's earlier version may have left the history already.
            for step in 0..<min(slice.keys.count, 20) {
                let index = (start + step) % slice.keys.count
                let key = slice.keys[index]
                guard key.isUpsert, let older = try await store.previousChange(id: key.id, before: key.seq) else { continue }
                after[index, default: []].append(older)
                break
            }
        }
        var entries: [String] = []
        entries.reserveCapacity(slice.entries.count + 2)
        for (index, entry) in slice.entries.enumerated() {
            entries.append(entry)
            entries += after[index] ?? []
        }
        return entries
    }

    private func checked(_ slice: FeedSlice, seq: Int64) throws -> FeedSlice {
        guard seq >= slice.droppedThrough else { throw expired }
        guard seq <= slice.head else { throw APIError.invalidRequest("The cursor is ahead of the feed.") }
        return slice
    }

    private var expired: APIError {
        APIError(.cursorExpired, "The cursor is older than the feed's history; bootstrap again from /v1/changes/head.")
    }
}
