import Foundation
import GRDB
@testable import Mirror
import RewardsContract
import Synchronization
import SyncEngine
import TestSupport
import Testing

/// The request logs' search index is built after a bootstrap, in chunks in id order. Before,
/// while and after that, a search finds exactly the logs a plain substring test finds: the
/// indexed ones through the index (newest first), then the rest by a scan (newest first).
@Suite struct RequestLogIndexBuildTests {
    typealias Logs = RequestLogSearchTests

    /// 1,200 logs at shuffled times (some seconds shared), written by a bootstrap in pages.
    static func bootstrapped() throws -> (MirrorStore, [RequestLog]) {
        var generator = SeededRandom(seed: 77)
        var offsets = Array(0..<1200)
        offsets.shuffle(using: &generator)
        let paths = ["/v1/members", "/v1/transactions/settled", "/v1/redemptions", "/v1/reviews/rev_0qq1ww2ee3rr/approve"]
        let logs = offsets.enumerated().map { index, offset in
            Logs.log(index, at: Logs.start.addingTimeInterval(Double(offset / 3) * 1.5),
                     requestId: "req_" + Logs.token(&generator, 18), path: paths[index % paths.count],
                     message: index % 2 == 0 ? "The member does not have enough points." : "Zoë's payout was refused",
                     idempotencyKey: index % 4 == 0 ? "idem-" + Logs.token(&generator, 12) : nil,
                     details: index % 5 == 0 ? .object(["memberId": .string("mem_" + Logs.token(&generator, 10))]) : nil)
        }
        let mirror = try Logs.temporaryMirror()
        try mirror.beginBootstrap(head: "h0")
        for start in stride(from: 0, to: logs.count, by: 250) {
            let page = Array(logs[start..<min(logs.count, start + 250)])
            try mirror.applyBootstrapPage(page, previousLastId: start == 0 ? nil : logs[start - 1].id, nextCursor: "p\(start)",
                                          isLast: start + 250 >= logs.count)
        }
        try mirror.completeBootstrap()
        return (mirror, logs)
    }

    /// Searches whose answers cover the index, the scan, both, and none.
    static func searches(_ logs: [RequestLog]) -> [RequestLogSearch] {
        let target = logs[1000]
        let named = logs.compactMap { $0.details.map(Logs.namedIds) }.flatMap { $0 }
        return [
            RequestLogSearch(text: "enough points"), RequestLogSearch(text: "ZOË'S"),
            RequestLogSearch(requestId: String(target.requestId.dropFirst(6).prefix(7))),
            RequestLogSearch(text: String(named[named.count / 2].dropFirst(2).prefix(8))),
            RequestLogSearch(text: "idem-", path: "settled"), RequestLogSearch(text: "rev_0qq1", since: Logs.start.addingTimeInterval(400)),
            RequestLogSearch(text: "no-such-log-anywhere"), RequestLogSearch(text: "/v1/", code: "insufficient_points_balance"),
        ]
    }

    /// What a search must return while the index covers the logs through `watermark` (nil: none):
    /// the covered matches newest first, then the others newest first.
    static func expected(_ logs: [RequestLog], _ search: RequestLogSearch, watermark: String?) -> [String] {
        guard let watermark else { return Logs.expected(logs, search) }
        return Logs.expected(logs.filter { $0.id <= watermark }, search) + Logs.expected(logs.filter { $0.id > watermark }, search)
    }

    /// Every window of a search read from the end backwards (`.last`, then `.before`), in forward order.
    static func allFoundBackwards(_ mirror: MirrorStore, _ search: RequestLogSearch) throws -> [String] {
        var ids: [String] = []
        var anchor = WindowAnchor.last
        while true {
            let window = try mirror.requestLogSearchWindow(search, anchor: anchor, limit: 41)
            guard let first = window.first else { return ids }
            ids = window.map(\.object.id) + ids
            anchor = .before(first.key)
        }
    }

    static func check(_ mirror: MirrorStore, _ logs: [RequestLog], watermark: String?, _ stage: String) throws {
        for search in searches(logs) {
            let found = try Logs.allFound(mirror, search, pageSize: 37).map(\.id)
            #expect(found == expected(logs, search, watermark: watermark), "\(stage): \(search)")
            #expect(try allFoundBackwards(mirror, search) == found, "\(stage), backwards: \(search)")
        }
    }

    /// The index holds exactly one row and one key per log it covers.
    static func indexCounts(_ mirror: MirrorStore) throws -> (keys: Int, indexed: Int, distinctKeys: Int) {
        try mirror.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM request_log_keys") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM request_logs_search") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT id) FROM request_log_keys") ?? -1)
        }
    }

    @Test func aSearchDuringTheBuildFindsEveryMatchOnce() throws {
        let (mirror, logs) = try Self.bootstrapped()
        defer { Logs.remove(mirror) }
        let sorted = logs.map(\.id).sorted()
        #expect(try Self.indexCounts(mirror).keys == 0, "the bootstrap wrote no index rows")
        #expect(try mirror.requestLogIndexProgress() == RequestLogIndexProgress(indexed: 0, logs: 1200, ready: false))
        try Self.check(mirror, logs, watermark: nil, "before the build")

        for (chunk, through) in [(0, 399), (1, 799)] {
            let step = try mirror.buildRequestLogIndexChunk(limit: 400)
            #expect(step.indexed == 400 && !step.ready, "chunk \(chunk)")
            #expect(try mirror.requestLogIndexProgress().indexed == through + 1)
            try Self.check(mirror, logs, watermark: sorted[through], "after chunk \(chunk)")
        }
        try mirror.buildRequestLogIndex(chunk: 400)
        #expect(try mirror.requestLogIndexProgress() == RequestLogIndexProgress(indexed: 1200, logs: 1200, ready: true))
        try Self.check(mirror, logs, watermark: nil, "after the build")
        #expect(try Self.indexCounts(mirror) == (1200, 1200, 1200))
    }

    @Test func aPurgeDuringTheBuildTakesTheLogOutOfBothParts() throws {
        let (mirror, logs) = try Self.bootstrapped()
        defer { Logs.remove(mirror) }
        let sorted = logs.map(\.id).sorted()
        _ = try mirror.buildRequestLogIndexChunk(limit: 600)
        let indexedGone = try #require(logs.first { $0.id == sorted[100] })
        let scannedGone = try #require(logs.first { $0.id == sorted[1100] })
        try mirror.applyChanges([indexedGone, scannedGone].enumerated().map { offset, log in
            ChangeEntry(seq: "d\(offset)", type: .requestLog, op: .delete, id: log.id, version: 2, object: nil)
        }, cursor: "c1")
        let left = logs.filter { $0.id != indexedGone.id && $0.id != scannedGone.id }
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: indexedGone.requestId)).isEmpty)
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: scannedGone.requestId)).isEmpty)
        try Self.check(mirror, left, watermark: sorted[599], "after the purges")
        #expect(try Self.indexCounts(mirror) == (599, 599, 599))

        try mirror.buildRequestLogIndex(chunk: 600)
        try Self.check(mirror, left, watermark: nil, "after the build")
        #expect(try Self.indexCounts(mirror) == (1198, 1198, 1198))
    }

    @Test func anUpdateOfAnIndexedLogIsSearchedByItsNewText() throws {
        let (mirror, logs) = try Self.bootstrapped()
        defer { Logs.remove(mirror) }
        let sorted = logs.map(\.id).sorted()
        _ = try mirror.buildRequestLogIndexChunk(limit: 600)
        // One log the index covers and one it does not yet, both renamed by the feed.
        var current = logs
        for (offset, id) in [sorted[10], sorted[900]].enumerated() {
            let position = try #require(current.firstIndex { $0.id == id })
            current[position].version = 2
            current[position].requestId = "req_Renamed\(offset)Later"
            current[position].message = "Now about a redemption"
            try mirror.applyChanges([ChangeEntry(seq: "u\(offset)", type: .requestLog, op: .upsert, id: id, version: 2,
                                                 object: .requestLog(current[position]))], cursor: "c\(offset)")
        }
        let old = try #require(logs.first { $0.id == sorted[10] })
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: old.requestId)).isEmpty)
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: "renamed0")).map(\.id) == [sorted[10]])
        #expect(try Logs.allFound(mirror, RequestLogSearch(text: "Renamed")).map(\.id) == [sorted[10], sorted[900]])
        try Self.check(mirror, current, watermark: sorted[599], "after the updates")
        #expect(try Self.indexCounts(mirror) == (600, 600, 600), "the update kept one index row")

        try mirror.buildRequestLogIndex(chunk: 600)
        try Self.check(mirror, current, watermark: nil, "after the build")
        let renamed = try Logs.allFound(mirror, RequestLogSearch(text: "about a redemption")).map(\.id)
        #expect(Set(renamed) == [sorted[10], sorted[900]])
    }

    @Test func aBuildKilledMidChunkResumesAndEndsExact() throws {
        let (mirror, logs) = try Self.bootstrapped()
        let path = mirror.path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let sorted = logs.map(\.id).sorted()
        _ = try mirror.buildRequestLogIndexChunk(limit: 500)
        // The process dies inside the next chunk: its keys and text were written, its commit never came.
        struct Killed: Error {}
        #expect(throws: Killed.self) {
            try mirror.pool.write { db in
                _ = try RequestLogSearchIndex.buildChunk(db, limit: 500)
                throw Killed()
            }
        }
        #expect(try Self.indexCounts(mirror) == (500, 500, 500))

        // The next run opens the file afresh and carries on from the watermark.
        let reopened = try MirrorStore(path: path)
        #expect(try reopened.requestLogIndexProgress().indexed == 500)
        try Self.check(reopened, logs, watermark: sorted[499], "after the kill")
        try reopened.buildRequestLogIndex(chunk: 500)
        #expect(try Self.indexCounts(reopened) == (1200, 1200, 1200))
        try Self.check(reopened, logs, watermark: nil, "after the resumed build")
    }

    @Test func moreLogsInOneSecondThanKeysStillGetOneKeyEach() throws {
        let mirror = try Logs.temporaryMirror()
        defer { Logs.remove(mirror) }
        let logs = (0..<40).map { Logs.log($0, at: Logs.start, requestId: String(format: "req_crowd%03d", $0)) }
        try mirror.beginBootstrap(head: "h0")
        try mirror.applyBootstrapPage(logs, previousLastId: nil, nextCursor: nil, isLast: true)
        try mirror.completeBootstrap()
        // Another key sits just below the top of the second's range: one log fits above it, the
        // rest take the lowest key − 1 in turn.
        let first = RequestLogSearchIndex.firstKey(atOrAfter: Logs.start.timeIntervalSince1970)
        try mirror.pool.write { db in
            try db.execute(sql: "INSERT INTO request_log_keys (rowid, id) VALUES (?, 'someone_else')",
                           arguments: [first + RequestLogSearchIndex.keysPerSecond - 2])
        }
        try mirror.buildRequestLogIndex(chunk: 25)
        let keys = try mirror.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM request_log_keys WHERE id LIKE 'log_%' ORDER BY rowid")
        }
        #expect(keys.count == 40 && Set(keys).count == 40)
        #expect(keys.filter { $0 > first + RequestLogSearchIndex.keysPerSecond - 2 } == [first + RequestLogSearchIndex.keysPerSecond - 1])
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: "crowd")).count == 40)
        #expect(try Logs.allFound(mirror, RequestLogSearch(requestId: "crowd017")).map(\.id) == ["log_00000017"])
    }

    @Test func syncOnceLeavesTheBuildToTheNextRunWhichBuildsIt() async throws {
        let harness = try await SyncHarness.start(members: 600, seed: 31)
        defer { Task { await harness.stop() } }
        let told = Mutex<[RequestLogIndexStatus]>([])
        let handler: SyncEventHandler = { event in
            if case .progress(.requestLogIndex(let status)) = event { told.withLock { $0.append(status) } }
        }
        try await harness.engine.syncOnce(buildIndexesUpTo: 0, events: handler)
        let logs = try harness.mirrorContents().requestLogs
        #expect(logs.count > 50)
        #expect(told.withLock { $0 } == [.deferred(unindexed: logs.count)])
        #expect(try Self.indexCounts(harness.mirror).keys == 0)
        let search = RequestLogSearch(text: String(logs[logs.count / 2].requestId.dropFirst(4).prefix(6)))
        #expect(try Logs.allFound(harness.mirror, search).map(\.id) == Logs.expected(logs, search))

        try await harness.engine.buildRequestLogIndex(chunk: 40, events: handler)
        let statuses = told.withLock { $0 }
        #expect(statuses.first == .deferred(unindexed: logs.count))
        #expect(statuses.dropFirst().first == .building(indexed: 0, logs: logs.count))
        guard case .ready(let indexed, _)? = statuses.last else { Issue.record("no ready event: \(statuses)"); return }
        #expect(indexed == logs.count)
        #expect(try Self.indexCounts(harness.mirror) == (logs.count, logs.count, logs.count))
        #expect(try Logs.allFound(harness.mirror, search).map(\.id) == Logs.expected(logs, search))
        // Nothing left: the next sync --once says nothing about the index.
        told.withLock { $0 = [] }
        try await harness.engine.syncOnce(buildIndexesUpTo: 0, events: handler)
        #expect(told.withLock { $0 }.isEmpty)
    }

    /// A small tenant's indexes are built before `sync --once` returns: nothing is deferred,
    /// and a search right after reads the index alone.
    @Test func syncOnceBuildsSmallIndexesAtOnce() async throws {
        let harness = try await SyncHarness.start(members: 600, seed: 32)
        defer { Task { await harness.stop() } }
        let told = Mutex<[SyncProgress]>([])
        try await harness.engine.syncOnce(buildIndexesUpTo: 5_000) { event in
            if case .progress(let progress) = event { told.withLock { $0.append(progress) } }
        }
        let logs = try harness.mirrorContents().requestLogs
        let events = told.withLock { $0 }
        #expect(!events.contains { if case .searchIndex(.deferred) = $0 { true } else if case .requestLogIndex(.deferred) = $0 { true } else { false } })
        #expect(events.contains(.requestLogIndex(.building(indexed: 0, logs: logs.count))))
        #expect(try await harness.mirror.requestLogIndexState().ready)
        #expect(try await harness.mirror.searchIndexState().ready)
        #expect(try Self.indexCounts(harness.mirror) == (logs.count, logs.count, logs.count))
    }
}
