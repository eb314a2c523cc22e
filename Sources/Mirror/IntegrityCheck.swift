import GRDB

extension MirrorStore {
    /// SQLite's full `PRAGMA integrity_check`: "ok", or its first complaint. Slower than the
    /// quick check `doctor` runs; for tests and for a mirror suspected of damage.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
