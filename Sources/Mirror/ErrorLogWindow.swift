import Foundation
import GRDB
import RewardsContract

extension MirrorStore {
    /// A keyset window of failures, newest first, from either source. The console's own
    /// failures are read as `RequestLog` values so that one table and one detail view serve
    /// both: id `local_<seq>`, an empty request id or a status of 0 when there was none, and
    /// the attempt number in `details` (`local_errors` has no details column).
    ///
    /// Text in the filter searches the platform's logs through their search index
    /// (`requestLogSearchWindow`); the console's own log is capped at 10,000 rows and is matched
    /// row by row.
    public func errorLogWindow(_ filter: ErrorLogFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RequestLog>] {
        if filter.source == .platform, !filter.searchText.isEmpty {
            let search = RequestLogSearch(text: filter.searchText, code: filter.code, status: filter.status,
                                          retryable: filter.retryable)
            return try requestLogSearchWindow(search, anchor: anchor, limit: limit)
        }
        let query = Self.errorLogQuery(filter)
        return try pool.read { db in
            switch filter.source {
            case .platform: return try query.fetch(db, anchor: anchor, limit: limit, map: RequestLog.init(row:))
            case .console: return try query.fetch(db, anchor: anchor, limit: limit, map: Self.requestLog(localErrorRow:))
            }
        }
    }

    static func errorLogQuery(_ filter: ErrorLogFilter) -> WindowQuery {
        let table = filter.table
        let columns: String
        switch filter.source {
        case .platform: columns = RequestLog.selectColumns
        case .console: columns = "seq, at, method, path, httpStatus, code, message, retryable, requestId, idempotencyKey, attempt"
        }
        var (conditions, arguments) = filter.conditions()
        if filter.source == .console, let pattern = likePattern(filter.searchText) {
            let searched = ["requestId", "path", "code", "message", "idempotencyKey"]
            conditions.append("(" + searched.map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            arguments += Array(repeating: pattern.databaseValue, count: searched.count)
        }
        // The key columns come last: `WindowQuery` reads a row's key from its trailing columns.
        return WindowQuery(select: "SELECT \(columns), \(table.timeColumn), \(table.idColumn) FROM \(table.name)",
                           conditions: conditions, arguments: arguments,
                           keyColumns: [table.timeColumn, table.idColumn], descending: true)
    }

    static func requestLog(localErrorRow row: Row) -> RequestLog {
        let seq: Int64 = row["seq"] ?? 0
        let at = Timestamp(Date(timeIntervalSince1970: row["at"] ?? 0), fractionalDigits: 3)
        let attempt: Int64 = row["attempt"] ?? 0
        return RequestLog(id: "local_\(seq)", version: 1, createdAt: at, updatedAt: at,
                          requestId: row["requestId"] ?? "", at: at, method: row["method"] ?? "",
                          path: row["path"] ?? "", httpStatus: row["httpStatus"] ?? 0,
                          code: ErrorCode(rawValue: row["code"] ?? ""), message: row["message"] ?? "",
                          retryable: row["retryable"] ?? false, idempotencyKey: row["idempotencyKey"],
                          details: .object(["attempt": .int(attempt)]))
    }
}

extension ErrorLogFilter {
    /// The text without the blanks around it (a trailing space typed into `/` searches the same).
    public var searchText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}
