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
}
