import Foundation
import GRDB

/// Writes the generated starting data. Generation and JSON encoding of the next batch run
/// on another task while the current batch is inserted, one transaction per batch with one
/// prepared statement per table.
enum BulkLoader {
    static let batchSize: UInt64 = 10_000

    struct EncodedBatch: Sendable {
        var tables: [(sql: String, rows: [[DatabaseValue]])] = []
    }

    static func load(generator: InitialDataGenerator, members: UInt64, into queue: DatabaseQueue) async throws {
        let ranges = stride(from: 0, to: members, by: Int(batchSize)).map { $0..<min($0 + batchSize, members) }
        guard let first = ranges.first else { return }
        var pending = Task.detached { () throws -> (EncodedBatch, Duration) in let c = ContinuousClock.now; let b = try encode(generator.batch(members: first)); return (b, ContinuousClock.now - c) }
        var n = 0
        for next in ranges.dropFirst().map(Optional.some) + [nil] {
            let w0 = ContinuousClock.now
            let (batch, genTime) = try await pending.value
            let waited = ContinuousClock.now - w0
            if let next { pending = Task.detached { () throws -> (EncodedBatch, Duration) in let c = ContinuousClock.now; let b = try encode(generator.batch(members: next)); return (b, ContinuousClock.now - c) } }
            let c = ContinuousClock.now
            try await queue.write { db in try insert(batch, db) }
            n += 1
            if n % 10 == 0 { FileHandle.standardError.write("batch \(n) gen \(genTime) waited \(waited) insert \(ContinuousClock.now - c)\n".data(using: .utf8)!) }
        }
    }

    static func encode(_ batch: GeneratedBatch) throws -> EncodedBatch {
        let encoder = JSONText.makeEncoder()
        func rows<T: StoredObject>(_ objects: [T]) throws -> (sql: String, rows: [[DatabaseValue]]) {
            (T.table.upsertSQL, try objects.map { try StoreRows.objectRow($0, encoder: encoder).values })
        }
        var encoded = EncodedBatch()
        encoded.tables.append(try rows(batch.members))
        encoded.tables.append(try rows(batch.redemptions))
        encoded.tables.append(try rows(batch.reviews))
        encoded.tables.append(try rows(batch.requestLogs))
        encoded.tables.append((StoreRows.ledgerInsertSQL,
                               try batch.ledger.map { try StoreRows.ledgerRow($0, encoder: encoder) }))
        return encoded
    }

    private static func insert(_ batch: EncodedBatch, _ db: Database) throws {
        for table in batch.tables {
            let statement = try db.cachedStatement(sql: table.sql)
            for row in table.rows {
                statement.setUncheckedArguments(StatementArguments(row))
                try statement.execute()
            }
        }
    }
}
