import Foundation
import Mirror

extension SyncEngine {
    /// Builds the members' search index after a bootstrap, a chunk (one transaction) at a
    /// time, so the feed and the console's reads go on between chunks; `between` runs after
    /// each chunk (the feed loop reads the feed there). Does nothing when the index is ready.
    public func buildSearchIndex(chunk: Int = 20_000, events: SyncEventHandler = { _ in },
                                 between: @Sendable () async throws -> Void = {}) async throws {
        guard try await !mirror.searchIndexState().ready else { return }
        let started = ContinuousClock.now
        let start = try await mirror.searchIndexProgress()
        var indexed = start.indexed
        events(.progress(.searchIndex(.building(indexed: indexed, members: start.members))))
        while true {
            try Task.checkCancellation()
            let step = try await mirror.buildSearchIndexChunk(limit: chunk)
            indexed += step.indexed
            if step.ready { break }
            events(.progress(.searchIndex(.building(indexed: indexed, members: max(indexed, start.members)))))
            try await between()
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        events(.progress(.searchIndex(.ready(members: indexed, seconds: seconds))))
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
