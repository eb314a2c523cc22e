import Foundation
import GRDB
import GRDBSQLite
import RewardsContract

/// Binds one row's values straight into a prepared SQLite statement, in column order.
///
/// A bootstrap writes a million member rows: building `StatementArguments` from an array of
/// existentials per row cost more than SQLite's own insert, so the bulk path binds with the C
/// API, and members (the bulk of it) without any per-row array at all.
struct RowBinder {
    let statement: SQLiteStatement
    private(set) var index: Int32 = 1
    /// The row's text bytes, copied here and bound without a copy of SQLite's own (the arena
    /// outlives the step); a string that does not fit is bound with a copy instead.
    private let arena: UnsafeMutableRawBufferPointer
    private var used = 0

    init(statement: SQLiteStatement, arena: UnsafeMutableRawBufferPointer) {
        self.statement = statement
        self.arena = arena
    }

    /// SQLite copies the bytes before the call returns (the caller's buffer is borrowed).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                _ = sqlite3_bind_text(statement, index, "", 0, nil)
                return
            }
            var pointer = UnsafeRawPointer(base)
            var destructor: sqlite3_destructor_type? = Self.transient
            if let arenaBase = arena.baseAddress, arena.count - used >= bytes.count {
                let copy = arenaBase + used
                copy.copyMemory(from: base, byteCount: bytes.count)
                used += bytes.count
                pointer = UnsafeRawPointer(copy)
                destructor = nil  // SQLITE_STATIC: the arena holds the bytes until the next row
            }
            // SQLite's text stops at a NUL, and a server string may hold one: such a string is
            // stored as a UTF-8 blob, which reads back whole (as StatementArguments(values:) does).
            if memchr(base, 0, bytes.count) != nil {
                _ = sqlite3_bind_blob(statement, index, pointer, Int32(bytes.count), destructor)
            } else {
                _ = sqlite3_bind_text(statement, index, pointer.assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), destructor)
            }
        }
        index += 1
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        _ = sqlite3_bind_int64(statement, index, Int64(value))
        index += 1
    }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        _ = sqlite3_bind_double(statement, index, value)
        index += 1
    }

    mutating func null() {
        _ = sqlite3_bind_null(statement, index)
        index += 1
    }

    /// The four columns every mirrored object starts with.
    mutating func head(_ id: String, _ version: Int, _ createdAt: Timestamp, _ updatedAt: Timestamp) {
        text(id)
        int(version)
        text(createdAt.raw)
        text(updatedAt.raw)
    }

    var boundCount: Int { Int(index - 1) }
}

extension Member {
    func bindFields(_ binder: inout RowBinder) {
        binder.head(id, version, createdAt, updatedAt)
        binder.text(clubId)
        binder.text(externalRef)
        binder.text(name)
        binder.text(email)
        binder.text(status.rawValue)
        binder.int(pointsAvailable)
        binder.int(pointsPending)
        binder.int(pointsLifetime)
        binder.bool(payoutReady)
        binder.text(currency)
        binder.text(deletedAt?.raw)
    }
}

/// A statement prepared once for the writer's connection and stepped with `RowBinder`, `rowsPerStep` rows at a
/// time: one `INSERT … VALUES (…), (…), …` starts SQLite's program and opens its cursor once
/// for all of them, and the cursor stays on the last leaf between rows that arrive in key order.
final class BulkStatement {
    let statement: Statement
    let db: Database
    let columnCount: Int
    let rowsPerStep: Int
    /// Room for the text of a full step (a member's is about 160 bytes); longer text is bound with a copy.
    private let arena = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)

    /// `sql` is an `INSERT … VALUES (…)` of one row; its row of marks is repeated `rowsPerStep` times.
    init(_ db: Database, sql: String, columnCount: Int, rowsPerStep: Int = 1) throws {
        self.db = db
        self.columnCount = columnCount
        self.rowsPerStep = max(1, rowsPerStep)
        let marks = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
        var text = sql
        if self.rowsPerStep > 1, text.hasSuffix(marks) {
            text += String(repeating: ", " + marks, count: self.rowsPerStep - 1)
        }
        // Cached by the connection: a 64-row statement is prepared once, not once a page.
        self.statement = try db.cachedStatement(sql: text)
        guard Int(sqlite3_bind_parameter_count(statement.sqliteStatement)) == columnCount * self.rowsPerStep else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a bulk insert of \(self.rowsPerStep) rows wants \(columnCount) marks a row: \(sql)")
        }
    }

    deinit {
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        arena.deallocate()
    }

    func run<Object: MirroredObject>(_ object: Object) throws {
        try run(CollectionOfOne(object))
    }

    /// Inserts exactly `rowsPerStep` rows in one step.
    func run<Rows: Collection>(_ objects: Rows) throws where Rows.Element: MirroredObject {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        var binder = RowBinder(statement: raw, arena: arena)
        for object in objects { object.bindFields(&binder) }
        guard binder.boundCount == columnCount * rowsPerStep else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "bound \(binder.boundCount) values for \(rowsPerStep) rows of \(columnCount) columns of \(Rows.Element.objectKind.table)")
        }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "step failed"
            sqlite3_reset(raw)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
