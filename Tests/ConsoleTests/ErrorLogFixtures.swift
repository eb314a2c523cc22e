import Foundation
import Mirror
import RewardsContract
@testable import Console

/// Error log data for the summary, drill-down and detail tests, and a temporary mirror to
/// run the grouped query against.
enum ErrorLogFixtures {
    static let now = Fixtures.now

    /// 24 hourly counts, oldest first, from (hoursAgo: count) pairs.
    static func hourly(_ counts: [Int: Int]) -> [Int] {
        (0..<24).map { counts[23 - $0] ?? 0 }
    }

    static let groups: [ErrorGroup] = [
        ErrorGroup(code: "insufficient_points_balance", count: 1_234, lastSeen: now.addingTimeInterval(-120),
                   httpStatus: 422, retryable: false, hourly: hourly([0: 8, 1: 4, 2: 1, 5: 2])),
        ErrorGroup(code: "unavailable", count: 2, lastSeen: now.addingTimeInterval(-4_000), httpStatus: 503,
                   retryable: true, hourly: hourly([1: 1])),
        ErrorGroup(code: "\u{1b}[31mmystery_code\u{1b}[0m", count: 1, lastSeen: now.addingTimeInterval(-200_000),
                   httpStatus: 418, retryable: false, hourly: hourly([:])),
    ]

    static let hostileDetails: JSONValue = .object([
        "currentVersion": .int(3),
        "note": .string("\u{1b}[2J残高\u{202e}txt"),
        "nested": .array([.bool(true), .null, .double(1.5)]),
    ])

    static let rows: [RequestLog] = [
        RequestLog(id: "log_101", version: 1, createdAt: Fixtures.ago(60), updatedAt: Fixtures.ago(60),
                   requestId: "req_CJK00001", at: Fixtures.ago(60), method: "POST", path: "/v1/redemptions",
                   httpStatus: 422, code: .insufficientPointsBalance, message: "ポイント残高が不足しています",
                   retryable: false, idempotencyKey: "redeem-mem_002-7", details: hostileDetails),
        RequestLog(id: "log_100", version: 1, createdAt: Fixtures.ago(600), updatedAt: Fixtures.ago(600),
                   requestId: "req_ESC00002", at: Fixtures.ago(600), method: "POST", path: "/v1/redemptions",
                   httpStatus: 422, code: .insufficientPointsBalance,
                   message: "\u{1b}]52;c;aGk=\u{07}not enough\u{1b}[1A points", retryable: false),
    ]

    /// The console on the Error log with the summary loaded.
    static func state(columns: Int = 120, rows: Int = 24) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.pane = .errors
        state.errors.extra.groupsGeneration = 1
        state.errors.extra.groupsRequestedAt = now
        ErrorLogPane.groupsLoaded(&state, generation: 1,
                                 result: ErrorGroups(groups: groups, truncated: false, now: now))
        return state
    }

    /// The same console drilled into the first code, its rows loaded.
    static func drilledState() -> AppState {
        var state = state()
        _ = Update.update(&state, .key(.enter))
        state.errors.list.apply(Fixtures.rows(rows, key: \.id), select: .index(0), atStart: true)
        state.awaitingMove = nil
        return state
    }
}
