import GRDB

/// Writes the generated starting data. Members are generated in id order; generation and
/// encoding of the next batch run on another task while the current batch is inserted, one
/// transaction per batch with one prepared statement per table.
enum BulkLoader {
    static let batchSize = 10_000

    struct EncodedBatch: Sendable {
        var tables: [(sql: String, rows: [StatementArguments])] = []
    }

    static func load(generator: InitialDataGenerator, members: UInt64, into queue: DatabaseQueue) async throws {
        let order = generator.indicesInIdOrder(count: members)
        let batches = stride(from: 0, to: order.count, by: batchSize).map {
            Array(order[$0..<min($0 + batchSize, order.count)])
        }
        guard let first = batches.first else { return }
        var pending = Task.detached { try encode(generator.batch(members: first)) }
        for next in batches.dropFirst().map(Optional.some) + [nil] {
            let batch = try await pending.value
            if let next { pending = Task.detached { try encode(generator.batch(members: next)) } }
            try await queue.write { db in try insert(batch, db) }
        }
    }

    static func encode(_ batch: GeneratedBatch) throws -> EncodedBatch {
        let encoder = JSONText.makeEncoder()
        func rows<T: StoredObject>(_ objects: [T]) throws -> (sql: String, rows: [StatementArguments]) {
            (T.table.upsertSQL, try objects.map { StatementArguments(try StoreRows.objectRow($0, encoder: encoder).values) })
        }
        var encoded = EncodedBatch()
        encoded.tables.append(try rows(batch.members))
        encoded.tables.append(try rows(batch.redemptions))
        encoded.tables.append(try rows(batch.reviews))
        encoded.tables.append(try rows(batch.requestLogs))
        encoded.tables.append((StoreRows.ledgerInsertSQL,
                               try batch.ledger.map { StatementArguments(try StoreRows.ledgerRow($0, encoder: encoder)) }))
        return encoded
    }

    private static func insert(_ batch: EncodedBatch, _ db: Database) throws {
        for table in batch.tables {
            let statement = try db.cachedStatement(sql: table.sql)
            for row in table.rows {
                statement.setUncheckedArguments(row)
                try statement.execute()
            }
        }
    }
}
