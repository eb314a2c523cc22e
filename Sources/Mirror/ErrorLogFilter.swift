import GRDB

/// Where a failure was recorded: the platform's request logs of the club's integrations
/// (synced from the feed), or this console's own failed calls (`local_errors`).
public enum ErrorSource: String, Sendable, Hashable, CaseIterable {
    case platform
    case console
}

/// Which HTTP statuses a filter keeps.
public enum HTTPStatusFilter: Sendable, Hashable, CaseIterable {
    case any
    /// 400–499: the caller's request was refused.
    case clientErrors
    /// 500–599: the platform (or a proxy before it) failed.
    case serverErrors
    /// No HTTP answer at all: the console's transport failures.
    case noResponse

    /// The SQL condition on a status column, or nil for no condition. A missing status is
    /// stored as NULL in `local_errors`; 0 is treated the same so either reads as "none".
    func condition(column: String) -> String? {
        switch self {
        case .any: return nil
        case .clientErrors: return "\(column) BETWEEN 400 AND 499"
        case .serverErrors: return "\(column) BETWEEN 500 AND 599"
        case .noResponse: return "(\(column) IS NULL OR \(column) = 0)"
        }
    }
}

/// What the Error log pane shows: one source, optionally one code, status and retryability,
/// and text to search for (its `/`).
public struct ErrorLogFilter: Sendable, Hashable {
    public var source: ErrorSource
    /// Exact code; nil: every code.
    public var code: String?
    public var status: HTTPStatusFilter
    /// nil: both.
    public var retryable: Bool?
    /// Any part of the request id, path, code, message or idempotency key (or, in the platform's
    /// logs, of a member, redemption or review id the details name); empty: no text condition.
    /// The grouped summary ignores it.
    public var text: String

    public init(source: ErrorSource = .platform, code: String? = nil, status: HTTPStatusFilter = .any,
                retryable: Bool? = nil, text: String = "") {
        self.source = source; self.code = code; self.status = status; self.retryable = retryable; self.text = text
    }

    /// The table and column names of the filter's source.
    var table: ErrorTable { source == .platform ? .requestLogs : .localErrors }

    /// WHERE conditions and their arguments, in the order the covering indexes list the
    /// columns (code first), so a code filter is a range of the index.
    func conditions() -> (conditions: [String], arguments: [DatabaseValue]) {
        var conditions: [String] = []
        var arguments: [DatabaseValue] = []
        if let code {
            conditions.append("code = ?")
            arguments.append(code.databaseValue)
        }
        if let statusCondition = status.condition(column: "httpStatus") { conditions.append(statusCondition) }
        if let retryable {
            conditions.append("retryable = ?")
            arguments.append(retryable.databaseValue)
        }
        return (conditions, arguments)
    }
}

/// The two tables behind the Error log: same meaning, different column names.
struct ErrorTable {
    var name: String
    /// Seconds since 1970, REAL.
    var timeColumn: String
    /// The unique tie-breaker of the keyset order.
    var idColumn: String

    static let requestLogs = ErrorTable(name: "request_logs", timeColumn: "atEpoch", idColumn: "id")
    static let localErrors = ErrorTable(name: "local_errors", timeColumn: "at", idColumn: "seq")
}
