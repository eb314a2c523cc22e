import Foundation
import GRDB

/// Every failure with one code, summed up: the Error log pane's row.
public struct ErrorGroup: Sendable, Hashable {
    public var code: String
    public var count: Int
    public var lastSeen: Date
    /// The status of the most recent failure with this code (nil: no HTTP answer).
    public var httpStatus: Int?
    /// Whether the most recent failure with this code was marked retryable.
    public var retryable: Bool
    /// Failures per hour over the 24 hours up to `ErrorGroups.now`, oldest hour first.
    public var hourly: [Int]

    public init(code: String, count: Int, lastSeen: Date, httpStatus: Int?, retryable: Bool, hourly: [Int]) {
        self.code = code; self.count = count; self.lastSeen = lastSeen; self.httpStatus = httpStatus
        self.retryable = retryable; self.hourly = hourly
    }

    public var lastDay: Int { hourly.reduce(0, +) }
}

/// The answer of one grouped query.
public struct ErrorGroups: Sendable, Hashable {
    public var groups: [ErrorGroup]
    /// More codes matched than the limit; the least active ones were left out.
    public var truncated: Bool
    /// The instant the hourly buckets end at.
    public var now: Date

    public init(groups: [ErrorGroup], truncated: Bool, now: Date) {
        self.groups = groups; self.truncated = truncated; self.now = now
    }
}

extension MirrorStore {
    public static let errorGroupHours = 24

    /// One row per code: count, last seen, status and retryability of the latest failure,
    /// and hourly counts of the last 24 h before `now`; the most active codes first.
    ///
    /// One GROUP BY over the covering index `(code, time, httpStatus, retryable)`: SQLite
    /// reads index entries in code order and keeps one group at a time, so memory is one
    /// row per code whatever the size of the log, and no table row is ever read.
    public func errorGroups(_ filter: ErrorLogFilter, now: Date, limit: Int) throws -> ErrorGroups {
        let table = filter.table
        let time = table.timeColumn
        let (conditions, filterArguments) = filter.conditions()
        let end = now.timeIntervalSince1970
        let hours = Self.errorGroupHours
        let start = end - Double(hours) * 3600
        // The hour a failure falls in, 0 (oldest) to 23 (the hour up to now); -1 outside.
        let bucket = "CASE WHEN \(time) >= ? AND \(time) <= ? THEN min(\(hours - 1), CAST((\(time) - ?) / 3600 AS INTEGER)) ELSE -1 END"
        let bucketArguments = [start.databaseValue, end.databaseValue, start.databaseValue]
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sums = (0..<hours).map { "sum(bucket = \($0))" }.joined(separator: ", ")
        // With a single max() aggregate, SQLite takes the bare columns httpStatus and retryable
        // from the row holding that max: the latest failure of the code.
        let sql = """
            SELECT code, count(*) AS total, max(at) AS lastAt, httpStatus, retryable, sum(bucket >= 0) AS recent, \(sums)
            FROM (SELECT code, \(time) AS at, httpStatus, retryable, \(bucket) AS bucket FROM \(table.name)\(whereClause))
            GROUP BY code
            ORDER BY recent DESC, lastAt DESC, code
            LIMIT ?
            """
        // Placeholders in SQL order: the bucket's (select list), the filter's, then the limit,
        // one more than asked so that a cut list says so.
        let arguments = bucketArguments + filterArguments + [(max(0, limit) + 1).databaseValue]
        return try pool.read { db in
            var groups: [ErrorGroup] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let hourly = (0..<hours).map { (row[6 + $0] as Int?) ?? 0 }
                let lastAt: Double = row["lastAt"] ?? 0
                let status: Int? = row["httpStatus"]
                groups.append(ErrorGroup(code: row["code"] ?? "", count: row["total"] ?? 0,
                                         lastSeen: Date(timeIntervalSince1970: lastAt),
                                         httpStatus: status == 0 ? nil : status, retryable: row["retryable"] ?? false,
                                         hourly: hourly))
            }
            let truncated = groups.count > limit
            return ErrorGroups(groups: Array(groups.prefix(max(0, limit))), truncated: truncated, now: now)
        }
    }
}
