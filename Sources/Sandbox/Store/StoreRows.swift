import Foundation
import GRDB
import RewardsContract

/// Objects turned into table rows. Kept free of any database connection so that bulk
/// generation can encode on one task while another writes.
enum StoreRows {
    struct ObjectRow: Sendable {
        let json: String
        let values: [DatabaseValue]
    }

    static let ledgerInsertSQL = "INSERT INTO ledger(id, memberId, createdAtMicros, json) VALUES (?, ?, ?, ?)"

    static func objectRow<T: StoredObject>(_ object: T, encoder: JSONEncoder) throws -> ObjectRow {
        let json = try object.encodedJSON(with: encoder)
        var values: [DatabaseValue] = [object.id.databaseValue, object.version.databaseValue, json.databaseValue]
        for value in object.filterValues { values.append(value?.databaseValue ?? .null) }
        return ObjectRow(json: json, values: values)
    }

    static func ledgerRow(_ entry: LedgerEntry, encoder: JSONEncoder) throws -> [DatabaseValue] {
        [entry.id.databaseValue, entry.memberId.databaseValue, Microseconds.of(entry.createdAt).databaseValue,
         FastObjectJSON.ledger(entry).databaseValue]
    }
}
