import Foundation
import Mirror
import RewardsContract
import TestSupport
import Testing

/// The grouped query and the drill-down window against a real, temporary mirror.
@Suite struct ErrorGroupsQueryTests {
    typealias F = ErrorLogMirror
    let now = ErrorLogMirror.now

    var logs: [RequestLog] {
        [
            F.log("log_a1", code: .insufficientPointsBalance, secondsAgo: 30, status: 422, retryable: false),
            F.log("log_a2", code: .insufficientPointsBalance, secondsAgo: 1_800, status: 422, retryable: false),
            F.log("log_a3", code: .insufficientPointsBalance, secondsAgo: 5_400, status: 422, retryable: false),
            F.log("log_a4", code: .insufficientPointsBalance, secondsAgo: 84_600, status: 422, retryable: false),
            F.log("log_a5", code: .insufficientPointsBalance, secondsAgo: 90_000, status: 422, retryable: false),
            F.log("log_b1", code: .unavailable, secondsAgo: 7_300, status: 503, retryable: true),
            F.log("log_b2", code: .unavailable, secondsAgo: 7_400, status: 503, retryable: true),
            F.log("log_c1", code: .rateLimited, secondsAgo: 200_000, status: 429, retryable: true),
            F.log("log_d1", code: "teapot_overflow", secondsAgo: 100, status: 418, retryable: false),
        ]
    }

    @Test func groupsCountBucketAndOrderByActivity() throws {
        let mirror = try F.mirror(logs: logs)
        defer { F.remove(mirror) }
        let result = try mirror.errorGroups(ErrorLogFilter(), now: now, limit: 50)
        #expect(result.groups.map(\.code) == ["insufficient_points_balance", "unavailable", "teapot_overflow",
                                              "rate_limited"])
        #expect(!result.truncated)
        let points = try #require(result.groups.first)
        #expect(points.count == 5)
        #expect(points.lastSeen == now.addingTimeInterval(-30))
        #expect(points.httpStatus == 422 && !points.retryable)
        // 30 s and 30 min ago: the last hour; 90 min: the one before; 23.5 h: the oldest; 25 h: none.
        var expected = Array(repeating: 0, count: 24)
        expected[23] = 2; expected[22] = 1; expected[0] = 1
        #expect(points.hourly == expected)
        #expect(points.lastDay == 4)
        let unavailable = result.groups[1]
        #expect(unavailable.hourly[21] == 2 && unavailable.lastDay == 2 && unavailable.retryable)
        #expect(result.groups[3].lastDay == 0 && result.groups[3].count == 1)
    }

    @Test func filtersNarrowTheGroups() throws {
        let mirror = try F.mirror(logs: logs)
        defer { F.remove(mirror) }
        let retryable = try mirror.errorGroups(ErrorLogFilter(retryable: true), now: now, limit: 50)
        #expect(retryable.groups.map(\.code) == ["unavailable", "rate_limited"])
        let notRetryable = try mirror.errorGroups(ErrorLogFilter(retryable: false), now: now, limit: 50)
        #expect(notRetryable.groups.map(\.code) == ["insufficient_points_balance", "teapot_overflow"])
        let server = try mirror.errorGroups(ErrorLogFilter(status: .serverErrors), now: now, limit: 50)
        #expect(server.groups.map(\.code) == ["unavailable"])
        let client = try mirror.errorGroups(ErrorLogFilter(status: .clientErrors, retryable: true), now: now, limit: 50)
        #expect(client.groups.map(\.code) == ["rate_limited"])
        let none = try mirror.errorGroups(ErrorLogFilter(status: .noResponse), now: now, limit: 50)
        #expect(none.groups.isEmpty)
        let one = try mirror.errorGroups(ErrorLogFilter(code: "unavailable"), now: now, limit: 50)
        #expect(one.groups.map(\.count) == [2])
    }

    @Test func aLongListOfCodesIsCut() throws {
        let mirror = try F.mirror(logs: logs)
        defer { F.remove(mirror) }
        let result = try mirror.errorGroups(ErrorLogFilter(), now: now, limit: 2)
        #expect(result.groups.map(\.code) == ["insufficient_points_balance", "unavailable"])
        #expect(result.truncated)
    }

    @Test func bucketsFollowTheGivenNow() throws {
        let mirror = try F.mirror(logs: logs)
        defer { F.remove(mirror) }
        // Two hours later the failure of 30 s ago sits two buckets back.
        let later = try mirror.errorGroups(ErrorLogFilter(code: "insufficient_points_balance"),
                                           now: now.addingTimeInterval(7_200), limit: 5)
        let hourly = try #require(later.groups.first?.hourly)
        #expect(hourly[21] == 2 && hourly[20] == 1 && hourly[23] == 0)
        #expect(hourly.reduce(0, +) == 3, "the 23.5 h one has left the day")
    }

    @Test func aCodesWindowIsNewestFirstAndSeeksByKey() throws {
        let mirror = try F.mirror(logs: logs)
        defer { F.remove(mirror) }
        let filter = ErrorLogFilter(code: "insufficient_points_balance")
        let first = try mirror.errorLogWindow(filter, anchor: .first, limit: 2)
        #expect(first.map(\.object.id) == ["log_a1", "log_a2"])
        let lastKey = try #require(first.last?.key)
        let next = try mirror.errorLogWindow(filter, anchor: .after(lastKey), limit: 2)
        #expect(next.map(\.object.id) == ["log_a3", "log_a4"])
        let back = try mirror.errorLogWindow(filter, anchor: .before(try #require(next.first?.key)), limit: 5)
        #expect(back.map(\.object.id) == ["log_a1", "log_a2"])
        let retryable = try mirror.errorLogWindow(ErrorLogFilter(code: "unavailable", status: .serverErrors,
                                                                 retryable: true), anchor: .first, limit: 5)
        #expect(retryable.map(\.object.id) == ["log_b1", "log_b2"])
        #expect(try mirror.errorLogWindow(ErrorLogFilter(code: "unavailable", retryable: false), anchor: .first,
                                          limit: 5).isEmpty)
    }

    @Test func theConsolesOwnFailuresGroupAndReadAsLogs() throws {
        let mirror = try F.mirror(logs: [])
        defer { F.remove(mirror) }
        for (index, seconds) in [50.0, 4_000, 90_000].enumerated() {
            try mirror.recordLocalError(LocalError(at: now.addingTimeInterval(-seconds), method: "GET",
                                                   path: "/v1/changes", httpStatus: nil, code: "transport_error",
                                                   message: "connection reset", retryable: true, requestId: nil,
                                                   idempotencyKey: nil, attempt: index + 1))
        }
        try mirror.recordLocalError(LocalError(at: now.addingTimeInterval(-10), method: "POST",
                                               path: "/v1/reviews/rev_1/approve", httpStatus: 409,
                                               code: "version_conflict", message: "stale", retryable: false,
                                               requestId: "req_L1", idempotencyKey: "key-1", attempt: 1))
        let console = ErrorLogFilter(source: .console)
        let groups = try mirror.errorGroups(console, now: now, limit: 10)
        #expect(groups.groups.map(\.code) == ["transport_error", "version_conflict"])
        #expect(groups.groups[0].count == 3 && groups.groups[0].lastDay == 2 && groups.groups[0].httpStatus == nil)
        #expect(try mirror.errorGroups(ErrorLogFilter(source: .console, status: .noResponse), now: now, limit: 10)
            .groups.map(\.code) == ["transport_error"])
        #expect(try mirror.errorGroups(ErrorLogFilter(), now: now, limit: 10).groups.isEmpty,
                "the platform's logs are another source")
        let rows = try mirror.errorLogWindow(ErrorLogFilter(source: .console, code: "transport_error"),
                                             anchor: .first, limit: 10)
        #expect(rows.map(\.object.httpStatus) == [0, 0, 0])
        #expect(rows.map { $0.object.details?["attempt"]?.intValue } == [1, 2, 3])
        #expect(rows.first?.object.id.hasPrefix("local_") == true)
        let conflict = try mirror.errorLogWindow(ErrorLogFilter(source: .console, code: "version_conflict"),
                                                 anchor: .first, limit: 10)
        #expect(conflict.first?.object.requestId == "req_L1")
        #expect(conflict.first?.object.idempotencyKey == "key-1")
    }
}
