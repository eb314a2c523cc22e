import Foundation
@testable import Mirror
import RewardsContract
import Testing

/// Request logs bind field by field in a bootstrap, and their `details` are written as text
/// without JSONEncoder: what is stored must be what JSONEncoder wrote, and read back the same.
@Suite struct BulkRequestLogWriteTests {
    static let everyASCII = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)

    static func encoded(_ value: JSONValue) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    @Test(arguments: [
        JSONValue.null, .bool(true), .bool(false), .int(0), .int(Int64.min), .int(Int64.max),
        .string(""), .string(everyASCII), .string("é王🌟\u{2028}\u{85}\u{202e}\u{1b}[31m"),
        .array([]), .array([.int(1), .string("a/b"), .null, .array([.bool(false)])]),
        .object([:]), .object(["memberId": .string("mem_1")]),
        .object(["k\"e\\y\n": .object(["inner": .array([.string("\u{0}"), .object([:])])])]),
        // A double anywhere: JSONEncoder's own text.
        .double(1.0), .double(0.1), .double(-0.0), .array([.int(1), .double(1e300)]),
    ])
    func storedTextIsJSONEncodersText(_ value: JSONValue) throws {
        #expect(value.storedText == (try Self.encoded(value)))
    }

    @Test func anObjectOfManyKeysReadsBackTheSameAndANonFiniteNumberIsNotStored() throws {
        let value = JSONValue.object(["a": .int(1), "b/c": .string("x\ty"), "d": .array([.null, .bool(true)]),
                                      "e": .object(["f": .string("🌟"), "g": .int(-7)])])
        let text = try #require(value.storedText)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
        #expect(JSONValue.double(.nan).storedText == nil)
        #expect(JSONValue.array([.double(.infinity)]).storedText == nil)
    }

    static func log(_ index: Int, details: JSONValue?) -> RequestLog {
        let stamp = Timestamp(raw: "2026-11-22T08:41:\(String(format: "%02d", index % 60)).123Z")
        return RequestLog(id: String(format: "log_%06d", index), version: index, createdAt: stamp, updatedAt: stamp,
                          requestId: "req_\(index)", at: stamp, method: index % 2 == 0 ? "POST" : "GET",
                          path: "/v1/redemptions/\(index)", httpStatus: 400 + index % 100,
                          code: index % 3 == 0 ? .insufficientPointsBalance : "some_new_code",
                          message: index % 11 == 0 ? "nul\u{0}and \u{1b}[2J" : "Message \(index)",
                          retryable: index % 2 == 1, idempotencyKey: index % 4 == 0 ? nil : "key-\(index)",
                          details: details)
    }

    @Test func bulkWrittenLogsReadBackAsTheFeedStoresThem() throws {
        let directory = FileManager.default.temporaryDirectory
        let paths = ["bulk", "feed"].map { directory.appendingPathComponent("rwops-logs-\($0)-\(UUID().uuidString).sqlite").path }
        defer { for path in paths { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
        let bulk = try MirrorStore(path: paths[0]), feed = try MirrorStore(path: paths[1])
        let details: [JSONValue?] = [nil, .object(["memberId": .string("mem_\u{1}/x")]), .array([.int(3), .double(2.5)]),
                                     .double(.nan), .object(["a": .object(["b": .array([.string("王"), .null])])])]
        let logs = (1...140).map { Self.log($0, details: details[$0 % details.count]) }
        try bulk.beginBootstrap(head: "h")
        try bulk.applyBootstrapPage(logs, previousLastId: nil, nextCursor: nil, isLast: true)
        try bulk.completeBootstrap()
        try feed.applyChanges(logs.enumerated().map {
            ChangeEntry(seq: String($0.offset), type: .requestLog, op: .upsert, id: $0.element.id,
                        version: $0.element.version, object: .requestLog($0.element))
        }, cursor: "c")
        var fromBulk: [RequestLog] = [], fromFeed: [RequestLog] = []
        try bulk.forEachRequestLog { fromBulk += $0 }
        try feed.forEachRequestLog { fromFeed += $0 }
        #expect(fromBulk.count == 140)
        #expect(fromBulk == fromFeed)
        // Stored and read back, details are what was sent (a non-finite number is not stored).
        #expect(fromBulk.map(\.details) == logs.map { log -> JSONValue? in
            if case .double(let number)? = log.details, number.isNaN { return nil }
            return log.details
        })
    }
}
