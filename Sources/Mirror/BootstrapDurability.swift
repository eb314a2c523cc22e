import GRDB
import Synchronization

/// A bootstrap of a mirror that holds nothing of its own skips the fsyncs of its checkpoints.
///
/// At a million members the writer waited 0.7 s in 73 fdatasyncs, with every other stage held
/// back behind it. In WAL mode `synchronous = OFF` only drops those fsyncs: a killed process
/// loses nothing (the WAL is intact), and a power cut at worst leaves a file to be built again
/// from the platform. That is acceptable only while the mirror holds nothing the platform cannot
/// give back: no decision in the outbox, no audit, no local error. Otherwise, and once the pass
/// ends, the writer is back to `synchronous = NORMAL`; and the first decision (or audit line, or
/// local error) written while the pass runs puts it back first, with a checkpoint that makes
/// everything written until then durable (`writeOwnData`).
extension MirrorStore {
    /// Relaxes the writer for this bootstrap when the mirror holds nothing of its own; returns
    /// whether it did (then call `restoreDurability` when the pass ends or fails).
    public func relaxDurabilityForBootstrap() async throws -> Bool {
        try await pool.writeWithoutTransaction { db in
            for table in ["outbox", "audit", "local_errors"] {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true { return false }
            }
            try db.execute(sql: "PRAGMA synchronous = OFF")
            relaxedWriter.withLock { $0 = true }
            return true
        }
    }

    public func restoreDurability() async throws {
        try await pool.writeWithoutTransaction { db in try syncAgain(db) }
    }

    /// Writes the mirror's own data (a decision, an audit line, a local error) in one
    /// transaction, after putting a relaxed writer back to NORMAL: the check and the write are
    /// one turn of the writer, so no bootstrap can relax it in between.
    func writeOwnData<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            if relaxedWriter.withLock({ $0 }) { try syncAgain(db) }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            guard let result else { throw DatabaseError(message: "the write returned nothing") }
            return result
        }
    }

    /// NORMAL again, and a checkpoint that syncs the WAL and the database file: what earlier
    /// checkpoints wrote without an fsync is on disk before anything of the mirror's own lands.
    private func syncAgain(_ db: Database) throws {
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        if relaxedWriter.withLock({ $0 }) { _ = try db.checkpoint(.passive) }
        relaxedWriter.withLock { $0 = false }
    }

    /// The writer's `synchronous` setting (0 off, 1 normal, 2 full).
    public func writerSynchronous() async throws -> Int {
        try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }
}
