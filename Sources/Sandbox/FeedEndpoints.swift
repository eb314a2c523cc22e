import RewardsContract

/// The change feed of contract §7.
///
/// Unlike a list, the feed's `nextCursor` is never null: with nothing new it is the `after`
/// that was sent, and `hasMore` says whether more entries are already waiting.
struct FeedEndpoints: Sendable {
    let store: SandboxStore
    static let maximumWait = 30

    func head() async throws -> APIReply {
        let position = try await store.feedPosition()
        return try .encoded(FeedHead(cursor: Cursors.feedCursor(epoch: store.epoch, seq: position.head)))
    }

    func changes(_ query: QueryParameters) async throws -> APIReply {
        guard let after = try query.single("after") else {
            throw APIError.invalidRequest("'after' is required; start from GET /v1/changes/head.")
        }
        let limit = try ListParameters.integer(query, "limit", default: ListParameters.defaultLimit,
                                               range: 1...ListParameters.maximumLimit)
        let wait = try ListParameters.integer(query, "waitSeconds", default: 0, range: 0...Self.maximumWait)
        let position = try Cursors.feedPosition(of: after)
        guard position.epoch == store.epoch else { throw expired }

        let deadline = ContinuousClock.now.advanced(by: .seconds(wait))
        var slice = try await checked(store.changes(after: position.seq, limit: limit), seq: position.seq)
        while slice.entries.isEmpty, ContinuousClock.now < deadline {
            let open = await store.signal.wait(beyond: position.seq, until: deadline)
            slice = try await checked(store.changes(after: position.seq, limit: limit), seq: position.seq)
            if !open { break }
        }
        let next = slice.lastSeq.map { Cursors.feedCursor(epoch: store.epoch, seq: $0) } ?? after
        return .list(slice.entries, nextCursor: next, hasMore: slice.hasMore)
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
