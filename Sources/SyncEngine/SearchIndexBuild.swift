import Foundation
import Mirror

extension SyncEngine {
    /// The most rows `syncOnce` adds to a search index before returning: one chunk, about half
    /// a second at the build's 40,000 rows/s.
    public static let indexBuildOnceLimit = 20_000

    /// Builds the members' search index after a bootstrap, a chunk (one transaction) at a
    /// time, so the feed and the console's reads go on between chunks; `between` runs after
    /// each chunk (the feed loop reads the feed there). Does nothing when the index is ready.
    public func buildSearchIndex(chunk: Int = 20_000, events: SyncEventHandler = { _ in },
                                 between: @Sendable () async throws -> Void = {}) async throws {
        let mirror = self.mirror
        try await buildIndex(
            isReady: { try await mirror.searchIndexState().ready },
            counts: { let progress = try await mirror.searchIndexProgress(); return (progress.indexed, progress.members) },
            step: { try await mirror.buildSearchIndexChunk(limit: chunk) },
            building: { .searchIndex(.building(indexed: $0, members: $1)) },
            ready: { .searchIndex(.ready(members: $0, seconds: $1)) },
            events: events, between: between)
    }

    /// Builds the request logs' search index the same way (see `buildSearchIndex`).
    public func buildRequestLogIndex(chunk: Int = 20_000, events: SyncEventHandler = { _ in },
                                     between: @Sendable () async throws -> Void = {}) async throws {
        let mirror = self.mirror
        try await buildIndex(
            isReady: { try await mirror.requestLogIndexState().ready },
            counts: { let progress = try await mirror.requestLogIndexProgress(); return (progress.indexed, progress.logs) },
            step: { try await mirror.buildRequestLogIndexChunk(limit: chunk) },
            building: { .requestLogIndex(.building(indexed: $0, logs: $1)) },
            ready: { .requestLogIndex(.ready(logs: $0, seconds: $1)) },
            events: events, between: between)
    }

    /// The chunked build both indexes share: progress after each chunk, `between` in between.
    private func buildIndex(isReady: () async throws -> Bool, counts: () async throws -> (indexed: Int, rows: Int),
                            step: () async throws -> SearchIndexChunk,
                            building: (_ indexed: Int, _ rows: Int) -> SyncProgress,
                            ready: (_ indexed: Int, _ seconds: Double) -> SyncProgress,
                            events: SyncEventHandler, between: @Sendable () async throws -> Void) async throws {
        guard try await !isReady() else { return }
        let started = ContinuousClock.now
        let start = try await counts()
        var indexed = start.indexed
        events(.progress(building(indexed, start.rows)))
        while true {
            try Task.checkCancellation()
            let chunk = try await step()
            indexed += chunk.indexed
            if chunk.ready { break }
            events(.progress(building(indexed, max(indexed, start.rows))))
            try await between()
        }
        events(.progress(ready(indexed, Self.seconds(since: started))))
    }

    /// Both search indexes, the members' first (the console's filter), then the request logs'.
    func buildSearchIndexes(events: SyncEventHandler, between: @Sendable () async throws -> Void) async throws {
        try await buildSearchIndex(events: events, between: between)
        try await buildRequestLogIndex(events: events, between: between)
    }

    /// `sync --once` leaves a large index build to the next run, and says what it left; an
    /// index with at most `buildUpTo` rows to add (a small tenant's: well under a second) is
    /// built now, so a headless search right after finds it through the index. An index with
    /// nothing left to add is marked whole here (one chunk that finds no rows).
    func finishOrDeferIndexes(buildUpTo: Int, events: SyncEventHandler) async throws {
        if try await !mirror.searchIndexState().ready {
            let progress = try await mirror.searchIndexProgress()
            let unindexed = progress.members - progress.indexed
            if unindexed > buildUpTo {
                events(.progress(.searchIndex(.deferred(unindexed: unindexed))))
            } else if unindexed > 0 {
                try await buildSearchIndex(events: events)
            } else {
                _ = try await mirror.buildSearchIndexChunk(limit: 1)
            }
        }
        if try await !mirror.requestLogIndexState().ready {
            let progress = try await mirror.requestLogIndexProgress()
            let unindexed = progress.logs - progress.indexed
            if unindexed > buildUpTo {
                events(.progress(.requestLogIndex(.deferred(unindexed: unindexed))))
            } else if unindexed > 0 {
                try await buildRequestLogIndex(events: events)
            } else {
                _ = try await mirror.buildRequestLogIndexChunk(limit: 1)
            }
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs a synchronous mirror call on the engine's own serial queue: the cooperative pool's
    /// threads (two on a two-core machine) never wait on SQLite. Calls with GRDB's async forms
    /// (`cursor()`, `applyChanges`, the bootstrap's pages) need none of this.
    func onMirror<T: Sendable>(_ work: @escaping @Sendable (MirrorStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            mirrorQueue.async { continuation.resume(with: Result { try work(self.mirror) }) }
        }
    }
}
