import Foundation
import GRDB
import RewardsContract

/// What a search of the platform's request logs looks for (the Error log's `/` filter,
/// `rewards-ops errors`). Text parts match anywhere, case-insensitively; every part given
/// must match.
public struct RequestLogSearch: Sendable, Hashable {
    /// Any part of the request id, path, code, message or idempotency key, or of a member,
    /// redemption or review id the log's details name.
    public var text: String
    /// Any part of the request id.
    public var requestId: String
    /// Any part of the path.
    public var path: String
    /// Exactly this code; nil: every code.
    public var code: String?
    /// Only logs at or after this instant.
    public var since: Date?
    /// The Error log pane's other filters, so that a search narrows what the pane shows.
    public var status: HTTPStatusFilter
    /// nil: both.
    public var retryable: Bool?

    public init(text: String = "", requestId: String = "", path: String = "", code: String? = nil, since: Date? = nil,
                status: HTTPStatusFilter = .any, retryable: Bool? = nil) {
        self.text = text; self.requestId = requestId; self.path = path; self.code = code; self.since = since
        self.status = status; self.retryable = retryable
    }

    /// The trigram index needs three characters. Shorter text is matched row by row, in the
    /// request id, path, code, message and idempotency key only.
    public static let indexedLength = 3
}

extension MirrorStore {
    /// A keyset window of request logs matching `search`, newest first.
    ///
    /// With text of three characters or more the rows come from the search index in its time
    /// key order (`RequestLogSearchIndex`: `at` to 1/64 s), and a window's key is that time key;
    /// otherwise from the time index, keyed by (`at`, id). Either way a window reads about as
    /// many rows as it returns, not every match.
    public func requestLogSearchWindow(_ search: RequestLogSearch, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RequestLog>] {
        let query = Self.requestLogSearchQuery(search)
        return try pool.read { db in try query.fetch(db, anchor: anchor, limit: limit, map: RequestLog.init(row:)) }
    }

    static func requestLogSearchQuery(_ search: RequestLogSearch) -> WindowQuery {
        let columns = RequestLog.columns.map { "l.\($0)" }.joined(separator: ", ")
        var phrases: [String] = []
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        let parts: [(column: String?, text: String)] = [(nil, search.text), ("requestId", search.requestId), ("path", search.path)]
        for part in parts {
            let text = part.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if text.unicodeScalars.count >= RequestLogSearch.indexedLength {
                let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                phrases.append(part.column.map { "\($0) : \(phrase)" } ?? phrase)
            } else if let pattern = likePattern(text) {
                let searched = part.column.map { [$0] } ?? ["requestId", "path", "code", "message", "idempotencyKey"]
                conditions.append("(" + searched.map { "l.\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
                arguments += Array(repeating: pattern.databaseValue, count: searched.count)
            }
        }
        if let code = search.code {
            conditions.append("l.code = ?")
            arguments.append(code.databaseValue)
        }
        if let since = search.since {
            conditions.append("l.atEpoch >= ?")
            arguments.append(since.timeIntervalSince1970.databaseValue)
        }
        if let statusCondition = search.status.condition(column: "l.httpStatus") { conditions.append(statusCondition) }
        if let retryable = search.retryable {
            conditions.append("l.retryable = ?")
            arguments.append(retryable.databaseValue)
        }
        guard !phrases.isEmpty else {
            // The key columns come last: `WindowQuery` reads a row's key from its trailing columns.
            return WindowQuery(select: "SELECT \(columns), l.atEpoch, l.id FROM request_logs l", conditions: conditions,
                               arguments: arguments, keyColumns: ["l.atEpoch", "l.id"], descending: true)
        }
        var indexed = ["request_logs_search MATCH ?"]
        var indexedArguments = [phrases.joined(separator: " AND ").databaseValue]
        if let since = search.since {
            // A range of the time keys, which FTS5 seeks to; the exact `at` check stays above.
            indexed.append("s.rowid >= ?")
            indexedArguments.append(RequestLogSearchIndex.firstKey(atOrAfter: since.timeIntervalSince1970).databaseValue)
        }
        return WindowQuery(
            select: "SELECT \(columns), s.rowid FROM request_logs_search s"
                + " JOIN request_log_keys k ON k.rowid = s.rowid JOIN request_logs l ON l.id = k.id",
            conditions: indexed + conditions, arguments: indexedArguments + arguments, keyColumns: ["s.rowid"],
            descending: true)
    }
}
