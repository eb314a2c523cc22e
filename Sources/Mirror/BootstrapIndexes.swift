import GRDB

/// A list that starts empty is loaded without its secondary indexes, which are built once its
/// last page lands: inserting 167,000 redemptions into three indexes in random key order read
/// and wrote index pages all over the file (the rate fell from 71,000 to 22,000 rows a second
/// as the list grew), while building an index over the finished table is one sort.
///
/// The dropped indexes' SQL is kept in sync_state in the same transaction, so a bootstrap
/// killed in between builds them when it resumes and finishes the list. While the list loads,
/// its pane reads what is there without them (a scan of the rows loaded so far).
enum BootstrapIndexes {
    static func key(_ kind: ObjectKind) -> String { "bootstrap.indexes.\(kind.rawValue)" }

    static func `defer`(_ db: Database, kind: ObjectKind) throws {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
            """, arguments: [kind.table])
        guard !indexes.isEmpty else { return }
        let pending = try MirrorStore.state(db, key(kind)).map { [$0] } ?? []
        // IF NOT EXISTS: a migration that ran in between may have made one of them already.
        let statements = pending + indexes.map { row -> String in
            let sql: String = row["sql"]
            for prefix in ["CREATE INDEX ", "CREATE UNIQUE INDEX "] where sql.hasPrefix(prefix) {
                return prefix + "IF NOT EXISTS " + sql.dropFirst(prefix.count)
            }
            return sql
        }
        try MirrorStore.setState(db, key(kind), statements.joined(separator: ";\n"))
        for row in indexes {
            let name: String = row["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
    }

    /// Takes an index out of the ones a list's bootstrap deferred (a migration dropped it).
    static func forget(_ db: Database, kind: ObjectKind, index name: String) throws {
        guard let statements = try MirrorStore.state(db, key(kind)) else { return }
        let kept = statements.components(separatedBy: ";\n").filter { statement in
            !statement.contains("INDEX IF NOT EXISTS \(name) ") && !statement.contains("INDEX \(name) ")
        }
        try MirrorStore.setState(db, key(kind), kept.isEmpty ? nil : kept.joined(separator: ";\n"))
    }

    static func restore(_ db: Database, kind: ObjectKind) throws {
        guard let statements = try MirrorStore.state(db, key(kind)) else { return }
        // The sorter holds up to the cache's size in memory: 8 MiB more at the peak of a
        // million-member sync (over its 60 MB), while with 2 MiB it spills to a temporary file
        // and the indexes take no longer to build.
        try db.execute(sql: "PRAGMA cache_size = -\(MirrorStore.indexBuildCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(MirrorStore.writerCacheKiB)") }
        try db.execute(sql: statements)
        try MirrorStore.setState(db, key(kind), nil)
    }
}

extension MirrorStore {
    /// The secondary indexes a list's table has now (fewer while its bootstrap defers them).
    public func indexNames(of kind: ObjectKind) throws -> Set<String> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                    arguments: [kind.table]))
        }
    }
}
