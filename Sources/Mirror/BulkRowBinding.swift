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

    init(statement: SQLiteStatement) { self.statement = statement }

    /// SQLite copies the bytes before the call returns (the caller's buffer is borrowed).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                _ = sqlite3_bind_text(statement, index, "", 0, nil)
                return
            }
            // SQLite's text stops at a NUL, and a server string may hold one: such a string is
            // stored as a UTF-8 blob, which reads back whole (as StatementArguments(values:) does).
            if memchr(base, 0, bytes.count) != nil {
                _ = sqlite3_bind_blob(statement, index, base, Int32(bytes.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(statement, index, base, Int32(bytes.count), Self.transient)
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

    /// Any value the mapping of `MirroredObject.columnValues` produces, through its
    /// `databaseValue` (one witness call; a chain of dynamic casts cost several times more).
    mutating func value(_ value: (any DatabaseValueConvertible)?) {
        switch value?.databaseValue.storage {
        case nil, .null?: null()
        case .int64(let number)?: int(Int(number))
        case .double(let number)?: double(number)
        case .string(let text)?: self.text(text)
        case .blob(let data)?:
            data.withUnsafeBytes { bytes in
                _ = sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
            index += 1
        }
    }

    var boundCount: Int { Int(index - 1) }
}

extension MirroredObject {
    /// Binds every column of `columns`, in order. Members, a million at a time, bind field by
    /// field; the other lists are a few percent of a bootstrap and go through `columnValues`,
    /// so a column added to their mapping is bound here without a second list to keep.
    func bind(_ binder: inout RowBinder) {
        if let member = self as? Member {
            member.bindFields(&binder)
        } else {
            for value in columnValues { binder.value(value) }
        }
    }
}

extension Member {
    /// The same values as `columnValues`, in `Member.columns` order (a test holds them equal).
    func bindFields(_ binder: inout RowBinder) {
        binder.text(id)
        binder.int(version)
        binder.text(createdAt.raw)
        binder.text(updatedAt.raw)
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

/// A statement prepared once for a page and stepped per row with `RowBinder`.
struct BulkStatement {
    let statement: Statement
    let db: Database
    let columnCount: Int

    init(_ db: Database, sql: String, columnCount: Int) throws {
        self.db = db
        self.statement = try db.makeStatement(sql: sql)
        self.columnCount = columnCount
    }

    func run<Object: MirroredObject>(_ object: Object) throws {
        let raw = statement.sqliteStatement
        sqlite3_reset(raw)
        var binder = RowBinder(statement: raw)
        object.bind(&binder)
        guard binder.boundCount == columnCount else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "bound \(binder.boundCount) values for \(columnCount) columns of \(Object.objectKind.table)")
        }
        let code = sqlite3_step(raw)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "step failed"
            sqlite3_reset(raw)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
