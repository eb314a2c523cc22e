import GRDB

/// A bootstrap of a mirror that holds nothing of its own skips the fsyncs of its checkpoints.
///
/// At a million members the writer waited 0.7 s in 73 fdatasyncs, with every other stage held
/// back behind it. In WAL mode `synchronous = OFF` only drops those fsyncs: a killed process
/// loses nothing (the WAL is intact), and a power cut at worst leaves a file to be built again
/// from the platform. That is acceptable only while the mirror holds nothing the platform cannot
/// give back: no decision in the outbox, no audit, no local error. Otherwise, and once the pass
/// ends, the writer is back to `synchronous = NORMAL`.
extension MirrorStore {
    /// Relaxes the writer for this bootstrap when the mirror holds nothing of its own; returns
    /// whether it did (then call `restoreDurability` when the pass ends or fails).
    public func relaxDurabilityForBootstrap() async throws -> Bool {
        try await pool.writeWithoutTransaction { db in
            for table in ["outbox", "audit", "local_errors"] {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true { return false }
            }
            try db.execute(sql: "PRAGMA synchronous = OFF")
            return true
        }
    }

    public func restoreDurability() async throws {
        try await pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    }

    /// The writer's `synchronous` setting (0 off, 1 normal, 2 full).
    public func writerSynchronous() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}
