import Foundation
import GRDB
@testable import Mirror
import Testing

/// Mirrors made by an earlier build of a migration are brought to the current shape.
@Suite struct SchemaUpgradeTests {
    /// The first build of v8 kept the request logs' index by triggers, so its mirrors have
    /// every log indexed: the upgrade drops the triggers (else the feed's explicit upkeep would
    /// index each log twice) and marks the index ready instead of building it again.
    @Test func triggersOfTheFirstRequestLogIndexAreDroppedAndTheIndexIsReady() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v8-request-log-search")
        try queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER request_logs_search_insert AFTER INSERT ON request_logs BEGIN SELECT 1; END;
                CREATE TRIGGER request_logs_search_delete AFTER DELETE ON request_logs BEGIN SELECT 1; END;
                """)
            try MirrorStore.setState(db, RequestLogSearchIndex.readyKey, nil)
        }
        try Schema.migrator.migrate(queue)
        let (triggers, state) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'request_logs'"),
             try RequestLogSearchIndex.state(db))
        }
        #expect(triggers == 0)
        #expect(state.ready)
    }

    /// A mirror made by the current v8 has no triggers: its build state is its own.
    @Test func aMirrorWithoutTriggersKeepsItsBuildState() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v8-request-log-search")
        try queue.write { db in try MirrorStore.setState(db, RequestLogSearchIndex.readyKey, nil) }
        try Schema.migrator.migrate(queue)
        let state = try queue.read { db in try RequestLogSearchIndex.state(db) }
        #expect(state.ready == false)
    }

    /// request_logs_code is the head of request_logs_groups: v10 drops it, from the schema and
    /// from the indexes a bootstrap in progress deferred (they are built when its list ends),
    /// and keeps the others of that list.
    @Test func theCoveredRequestLogIndexIsDroppedAlsoFromADeferredBootstrap() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "v9-item-history")
        try queue.write { db in try BootstrapIndexes.defer(db, kind: .requestLog) }
        let deferred = try queue.read { db in try MirrorStore.state(db, BootstrapIndexes.key(.requestLog)) }
        #expect(deferred?.contains("request_logs_code") == true)
        try Schema.migrator.migrate(queue)
        try queue.write { db in try BootstrapIndexes.restore(db, kind: .requestLog) }
        let names = try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request_logs' AND sql IS NOT NULL"))
        }
        #expect(names == ["request_logs_recent", "request_logs_groups"])

        // A mirror not bootstrapping loses the index too, and the Error log's code queries use
        // the covering one.
        let settled = try DatabaseQueue()
        try Schema.migrator.migrate(settled)
        let (left, plan) = try settled.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'request_logs_code'"),
             try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT atEpoch FROM request_logs WHERE code = ? ORDER BY atEpoch DESC",
                              arguments: ["rate_limited"]).map { $0["detail"] as String? ?? "" }.joined(separator: "; "))
        }
        #expect(left == 0)
        #expect(plan.contains("request_logs_groups"), "\(plan)")
    }
}
