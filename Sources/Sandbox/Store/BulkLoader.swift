import GRDB

/// Writes the generated starting data. Members are generated in id order; the next batches
/// are generated and encoded on other tasks while the current one is inserted, one
/// transaction per batch with one prepared statement per table. Generation costs more than
/// inserting, so two batches are generated at once: with the writer, that keeps two cores busy.
enum BulkLoader {
    static let batchSize = 10_000
    static let batchesInFlight = 2

    struct EncodedBatch: Sendable {
        var tables: [(sql: String, rows: [[DatabaseValue]])] = []
        /// Rows per object table, for the store's row counts.
        var rowCounts: [String: Int64] = [:]
    }

    struct BindError: Error {}

    /// Returns the rows written per object table.
    static func load(generator: InitialDataGenerator, members: UInt64, into queue: DatabaseQueue) async throws
        -> [String: Int64] {
        let order = generator.indicesInIdOrder(count: members)
        let batches = stride(from: 0, to: order.count, by: batchSize).map {
            Array(order[$0..<min($0 + batchSize, order.count)])
        }
        var upcoming = batches.makeIterator()
        var pending: [Task<EncodedBatch, any Error>] = []
        var rowCounts: [String: Int64] = [:]
        func launch() {
            guard let members = upcoming.next() else { return }
            pending.append(Task.detached { try encode(generator.batch(members: members)) })
        }
        for _ in 0..<batchesInFlight { launch() }
        // Inserted in order, so the tables are still written in key order.
        while !pending.isEmpty {
            let batch = try await pending.removeFirst().value
            launch()
            try await queue.write { db in try insert(batch, db) }
            rowCounts.merge(batch.rowCounts, uniquingKeysWith: +)
        }
        return rowCounts
    }

    static func encode(_ batch: GeneratedBatch) throws -> EncodedBatch {
        let encoder = JSONText.makeEncoder()
        var encoded = EncodedBatch()
        func rows<T: StoredObject>(_ objects: [T]) throws -> (sql: String, rows: [[DatabaseValue]]) {
            encoded.rowCounts[T.table.name] = Int64(objects.count)
            return (T.table.upsertSQL, try objects.map { try StoreRows.objectRow($0, encoder: encoder).values })
        }
        encoded.tables.append(try rows(batch.members))
        encoded.tables.append(try rows(batch.redemptions))
        encoded.tables.append(try rows(batch.reviews))
        encoded.tables.append(try rows(batch.requestLogs))
        encoded.tables.append((StoreRows.ledgerInsertSQL, try batch.ledger.map { try StoreRows.ledgerRow($0, encoder: encoder) }))
        return encoded
    }

    /// Binds each value straight to the SQLite statement: building a `StatementArguments` for
    /// each of millions of rows cost a fifth of the whole load (GRDB converts every value
    /// through an unspecialised generic). Empty unchecked arguments reset the statement and
    /// clear its bindings, and mark it bound so that `execute()` steps it as bound here.
    private static func insert(_ batch: EncodedBatch, _ db: Database) throws {
        for table in batch.tables {
            let statement = try db.cachedStatement(sql: table.sql)
            for row in table.rows {
                statement.setUncheckedArguments(StatementArguments())
                for (index, value) in row.enumerated() {
                    // 0 is SQLITE_OK.
                    guard value.bind(to: statement.sqliteStatement, at: CInt(index + 1)) == 0 else { throw BindError() }
                }
                try statement.execute()
            }
        }
    }
}
