import GRDB

/// One part of a row's sort key.
public enum KeyPart: Sendable, Hashable {
    case int(Int64)
    case real(Double)
    case text(String)

    var databaseValue: DatabaseValue {
        switch self {
        case .int(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let number): self = .int(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        default: self = .text("")
        }
    }
}

/// Where a row sits in its pane's order; windows are read by seeking from one (keyset
/// pagination), so moving through a million rows costs the same as through ten.
public struct RowKey: Sendable, Hashable {
    public var parts: [KeyPart]
    public init(_ parts: [KeyPart]) { self.parts = parts }
}

public enum WindowAnchor: Sendable, Hashable {
    case first
    case last
    case after(RowKey)
    case before(RowKey)
    case atOrAfter(RowKey)
}

public struct WindowRow<Object: Sendable & Hashable>: Sendable, Hashable {
    public var key: RowKey
    public var object: Object

    public init(key: RowKey, object: Object) {
        self.key = key
        self.object = object
    }
}

/// A pane's query: what it selects, how it filters, and the columns it is ordered by.
struct WindowQuery {
    var select: String
    var conditions: [String]
    var arguments: [DatabaseValue]
    var keyColumns: [String]
    var descending: Bool

    func fetch<Object>(_ db: Database, anchor: WindowAnchor, limit: Int, map: (Row) -> Object) throws
        -> [WindowRow<Object>] {
        var conditions = self.conditions
        var arguments = self.arguments
        let keyTuple = "(" + keyColumns.joined(separator: ", ") + ")"
        let marks = "(" + keyColumns.map { _ in "?" }.joined(separator: ", ") + ")"
        // "Forward" is the pane's own order; reading backwards flips both the comparison and the sort.
        var backwards = false
        switch anchor {
        case .first:
            break
        case .last:
            backwards = true
        case .after(let key):
            conditions.append("\(keyTuple) \(descending ? "<" : ">") \(marks)")
            arguments += key.parts.map(\.databaseValue)
        case .atOrAfter(let key):
            conditions.append("\(keyTuple) \(descending ? "<=" : ">=") \(marks)")
            arguments += key.parts.map(\.databaseValue)
        case .before(let key):
            conditions.append("\(keyTuple) \(descending ? ">" : "<") \(marks)")
            arguments += key.parts.map(\.databaseValue)
            backwards = true
        }
        let ascending = descending == backwards
        let order = keyColumns.map { "\($0) \(ascending ? "ASC" : "DESC")" }.joined(separator: ", ")
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "\(select)\(whereClause) ORDER BY \(order) LIMIT ?"
        arguments.append(max(0, limit).databaseValue)
        var rows: [WindowRow<Object>] = []
        // Kept prepared per connection: a pane asks the same few shapes of query keystroke after
        // keystroke, and preparing one (parse, plan, GRDB's authorizer) cost more than running it.
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
        while let row = try cursor.next() {
            let key = RowKey((0..<keyColumns.count).map { KeyPart(row[row.count - keyColumns.count + $0] as DatabaseValue) })
            rows.append(WindowRow(key: key, object: map(row)))
        }
        return backwards ? rows.reversed() : rows
    }
}
