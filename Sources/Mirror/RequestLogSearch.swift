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
    /// key order (`RequestLogSearchIndex`: `at` to the second, then arrival), and a window's key
    /// is that time key; otherwise from the time index, keyed by (`at`, id). Either way a window
    /// reads about as many rows as it returns, not every match. While the index is being built,
    /// the logs it covers come first through it, then the rest by a scan, newest first each.
    public func requestLogSearchWindow(_ search: RequestLogSearch, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RequestLog>] {
        try pool.read { db in
            switch Self.requestLogSearchPlan(search, index: try RequestLogSearchIndex.state(db)) {
            case .single(let query):
                return try query.fetch(db, anchor: anchor, limit: limit, map: RequestLog.init(row:))
            case .split(let split):
                return try split.fetch(db, anchor: anchor, limit: limit, map: RequestLog.init(row:))
            }
        }
    }

    enum RequestLogSearchPlan {
        case single(WindowQuery)
        case split(SplitWindowQuery)
    }

    /// The query for a wholly indexed mirror: through the index when a text part is long
    /// enough, else through the time index.
    static func requestLogSearchQuery(_ search: RequestLogSearch) -> WindowQuery {
        requestLogSearchParts(search).indexedOrByTime
    }

    static func requestLogSearchPlan(_ search: RequestLogSearch, index: SearchIndexState) -> RequestLogSearchPlan {
        let parts = requestLogSearchParts(search)
        guard !parts.phrases.isEmpty, !index.ready else { return .single(parts.indexedOrByTime) }
        var scanned = parts.byTime
        if let watermark = index.indexedThrough {
            scanned.conditions.append("l.id > ?")
            scanned.arguments.append(watermark.databaseValue)
        }
        for (column, text) in parts.longTexts {
            let fields = column.map { ["l.\($0)"] }
                ?? RequestLogSearchIndex.searchedColumns.map { "l.\($0)" } + [RequestLogSearchIndex.namedObjects("l.details")]
            let match = TextMatch.condition(text, fields: fields)
            scanned.conditions.append(match.sql)
            scanned.arguments += match.arguments
        }
        guard index.indexedThrough != nil else { return .single(scanned) }
        // Indexed rows are keyed by their time key alone, scanned ones by (`at`, id).
        return .split(SplitWindowQuery(indexed: parts.indexedOrByTime, scanned: scanned) { $0.parts.count == 2 })
    }

    /// A search taken apart: its FTS5 phrases and the texts they came from, and the conditions
    /// every part of a plan shares.
    private struct RequestLogSearchParts {
        var phrases: [String] = []
        var longTexts: [(column: String?, text: String)] = []
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        var since: Date?

        static let columns = RequestLog.columns.map { "l.\($0)" }.joined(separator: ", ")

        /// Newest first by the time index. The key columns come last: `WindowQuery` reads a
        /// row's key from its trailing columns.
        var byTime: WindowQuery {
            WindowQuery(select: "SELECT \(Self.columns), l.atEpoch, l.id FROM request_logs l", conditions: conditions,
                        arguments: arguments, keyColumns: ["l.atEpoch", "l.id"], descending: true)
        }

        var indexedOrByTime: WindowQuery {
            guard !phrases.isEmpty else { return byTime }
            var indexed = ["request_logs_search MATCH ?"]
            var indexedArguments = [phrases.joined(separator: " AND ").databaseValue]
            if let since {
                // A range of the time keys, which FTS5 seeks to; the exact `at` check stays below.
                indexed.append("s.rowid >= ?")
                indexedArguments.append(RequestLogSearchIndex.firstKey(atOrAfter: since.timeIntervalSince1970).databaseValue)
            }
            return WindowQuery(
                select: "SELECT \(Self.columns), s.rowid FROM request_logs_search s"
                    + " JOIN request_log_keys k ON k.rowid = s.rowid JOIN request_logs l ON l.id = k.id",
                conditions: indexed + conditions, arguments: indexedArguments + arguments, keyColumns: ["s.rowid"],
                descending: true)
        }
    }

    private static func requestLogSearchParts(_ search: RequestLogSearch) -> RequestLogSearchParts {
        var parts = RequestLogSearchParts(since: search.since)
        let texts: [(column: String?, text: String)] = [(nil, search.text), ("requestId", search.requestId), ("path", search.path)]
        for part in texts {
            let text = part.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if text.unicodeScalars.count >= RequestLogSearch.indexedLength {
                let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                parts.phrases.append(part.column.map { "\($0) : \(phrase)" } ?? phrase)
                parts.longTexts.append((part.column, text))
            } else if let pattern = likePattern(text) {
                let searched = part.column.map { [$0] } ?? RequestLogSearchIndex.searchedColumns
                parts.conditions.append("(" + searched.map { "l.\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
                parts.arguments += Array(repeating: pattern.databaseValue, count: searched.count)
            }
        }
        if let code = search.code {
            parts.conditions.append("l.code = ?")
            parts.arguments.append(code.databaseValue)
        }
        if let since = search.since {
            parts.conditions.append("l.atEpoch >= ?")
            parts.arguments.append(since.timeIntervalSince1970.databaseValue)
        }
        if let statusCondition = search.status.condition(column: "l.httpStatus") { parts.conditions.append(statusCondition) }
        if let retryable = search.retryable {
            parts.conditions.append("l.retryable = ?")
            parts.arguments.append(retryable.databaseValue)
        }
        return parts
    }
}
