import Foundation

/// The yardstick for the sync: the very rows it wrote, loaded by the `sqlite3` shell into a
/// fresh database with the mirror's schema (its indexes, the FTS5 trigram index and the
/// triggers that fill it), in ONE transaction, with the mirror's PRAGMAs. And, for context,
/// the same rows into plain tables (no key, no index, no trigger).
struct ShellComparison: Sendable {
    /// The lists a bootstrap fills, in the order the sync reads them.
    static let tables = ["members", "redemptions", "reviews", "request_logs"]

    let shell: SQLiteShell
    let directory: String

    var rowsFile: String { directory + "/rows.sql" }
    var schemaFile: String { directory + "/schema.sql" }
    var plainSchemaFile: String { directory + "/plain-schema.sql" }
    var loadFile: String { directory + "/load.sql" }

    struct Load: Sendable {
        var seconds: Double
        var rows: [String: Int]
    }

    /// Writes the mirror's DDL (without FTS5's shadow tables, which its CREATE VIRTUAL TABLE
    /// makes again), a plain-table DDL, and every row of the lists as INSERT statements.
    func dump(mirrorPath: String) throws {
        let tableList = Self.tables.map { "'\($0)'" }.joined(separator: ", ")
        let schema = try shell.run(mirrorPath, script: """
            SELECT sql || ';' FROM sqlite_schema
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow')
            ORDER BY rowid;
            """)
        guard schema.contains("USING fts5"), schema.contains("CREATE TRIGGER") else {
            throw BenchError.mismatch("the mirror's schema has no FTS5 table or triggers:\n\(schema)")
        }
        try schema.write(toFile: schemaFile, atomically: true, encoding: .utf8)
        let plain = try shell.run(mirrorPath, script: """
            SELECT 'CREATE TABLE ' || t.name || ' ('
                   || (SELECT group_concat(c.name || ' ' || c.type, ', ') FROM pragma_table_info(t.name) c) || ');'
            FROM sqlite_schema t WHERE t.type = 'table' AND t.name IN (\(tableList)) ORDER BY t.rowid;
            """)
        try plain.write(toFile: plainSchemaFile, atomically: true, encoding: .utf8)
        // Rows in key order: the order the sync's pages brought them in.
        let selects = Self.tables.map { ".mode insert \($0)\nSELECT * FROM \($0) ORDER BY id;" }
        try shell.run(mirrorPath, script: ".output \"\(rowsFile)\"\n" + selects.joined(separator: "\n") + "\n.output stdout\n")
        // The mirror's connection settings (MirrorStore.init), then the rows in one transaction.
        try """
            .bail on
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA secure_delete = ON;
            PRAGMA foreign_keys = OFF;
            BEGIN;
            .read "\(rowsFile)"
            COMMIT;

            """.write(toFile: loadFile, atomically: true, encoding: .utf8)
    }

    /// A fresh database with `schemaFile`'s tables (not timed), then the timed load of the rows.
    func load(into database: String, schemaFile: String) throws -> Load {
        DatabaseFiles.remove(database)
        let ddl = try String(contentsOfFile: schemaFile, encoding: .utf8)
        try shell.run(database, script: "PRAGMA journal_mode = WAL;\n" + ddl)
        let seconds = try shell.run(database, scriptFile: loadFile).seconds
        var rows: [String: Int] = [:]
        for table in Self.tables { rows[table] = try shell.integer(database, "SELECT count(*) FROM \(table)") }
        return Load(seconds: seconds, rows: rows)
    }

    /// Removes the dumped rows and the shell's databases (hundreds of MB at a million members).
    func clean(databases: [String]) {
        for file in [rowsFile, schemaFile, plainSchemaFile, loadFile] { try? FileManager.default.removeItem(atPath: file) }
        for database in databases { DatabaseFiles.remove(database) }
    }
}
