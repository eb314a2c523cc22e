import Foundation
import GRDB
@testable import Mirror
import RewardsContract
import TestSupport
import Testing

/// Request logs searched by any part of a request id, path, code, message, idempotency key or
/// a member/redemption/review id they name, through the trigram index: results must equal a
/// plain substring match over the same rows, newest first, and come from the index.
@Suite struct RequestLogSearchTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// Deterministic request-id-like text (letters and digits).
    static func token(_ generator: inout SeededRandom, _ length: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    static func log(_ index: Int, at: Date, requestId: String, path: String = "/v1/redemptions",
                    code: ErrorCode = .insufficientPointsBalance, message: String = "The member does not have enough points.",
                    idempotencyKey: String? = nil, details: JSONValue? = nil) -> RequestLog {
        let stamp = Timestamp(at, fractionalDigits: 3)
        return RequestLog(id: String(format: "log_%08d", index), version: 1, createdAt: stamp, updatedAt: stamp,
                          requestId: requestId, at: stamp, method: "POST", path: path, httpStatus: 422, code: code,
                          message: message, retryable: false, idempotencyKey: idempotencyKey, details: details)
    }

    static func temporaryMirror() throws -> MirrorStore {
        try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-logsearch-\(UUID().uuidString).sqlite").path)
    }

    static func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }

    static func store(_ logs: [RequestLog], in mirror: MirrorStore) throws {
        for start in stride(from: 0, to: logs.count, by: 5000) {
            let entries = logs[start..<min(logs.count, start + 5000)].map { log in
                ChangeEntry(seq: log.id, type: .requestLog, op: .upsert, id: log.id, version: log.version, object: .requestLog(log))
            }
            try mirror.applyChanges(entries, cursor: "c\(start)")
        }
    }

    /// Every window of a search, `pageSize` rows at a time.
    static func allFound(_ mirror: MirrorStore, _ search: RequestLogSearch, pageSize: Int = 50) throws -> [RequestLog] {
        var found: [RequestLog] = []
        var anchor = WindowAnchor.first
        while true {
            let window = try mirror.requestLogSearchWindow(search, anchor: anchor, limit: pageSize)
            guard let last = window.last else { return found }
            found += window.map(\.object)
            anchor = .after(last.key)
        }
    }

    /// The member, redemption and review ids anywhere in details.
    static func namedIds(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): return ["mem_", "red_", "rev_"].contains { text.hasPrefix($0) } ? [text] : []
        case .array(let items): return items.flatMap(namedIds)
        case .object(let fields): return fields.values.flatMap(namedIds)
        default: return []
        }
    }

    static func status(_ filter: HTTPStatusFilter, has status: Int) -> Bool {
        switch filter {
        case .any: return true
        case .clientErrors: return (400...499).contains(status)
        case .serverErrors: return (500...599).contains(status)
        case .noResponse: return status == 0
        }
    }

    /// What the search must return: a plain case-insensitive substring test, newest first.
    static func expected(_ logs: [RequestLog], _ search: RequestLogSearch) -> [String] {
        func has(_ field: String?, _ needle: String) -> Bool {
            needle.isEmpty || (field ?? "").lowercased().contains(needle.lowercased())
        }
        return logs.filter { log in
                let named = log.details.map { namedIds($0).joined(separator: " ") }
            // Text under three characters is not looked for in the ids the details name.
            let indexedText = search.text.unicodeScalars.count >= RequestLogSearch.indexedLength
            let anyField = [log.requestId, log.path, log.code.rawValue, log.message, log.idempotencyKey ?? "",
                            indexedText ? named ?? "" : ""]
            return (search.text.isEmpty || anyField.contains { has($0, search.text) })
                && has(log.requestId, search.requestId) && has(log.path, search.path)
                && (search.code.map { log.code.rawValue == $0 } ?? true)
                && (search.since.map { (log.at.date ?? .distantPast) >= $0 } ?? true)
                && (search.retryable.map { log.retryable == $0 } ?? true) && Self.status(search.status, has: log.httpStatus)
        }.sorted { ($0.at.date ?? .distantPast, $0.id) > ($1.at.date ?? .distantPast, $1.id) }.map(\.id)
    }

    @Test func findsALogByPartOfItsRequestIdAmongFiftyThousand() throws {
        var generator = SeededRandom(seed: 18)
        let paths = ["/v1/members", "/v1/transactions/settled", "/v1/redemptions", "/v1/reversals"]
        // Distinct times, shuffled: lists arrive in id order, which says nothing about time.
        var offsets = Array(0..<50_000)
        offsets.shuffle(using: &generator)
        let logs = offsets.enumerated().map { index, offset in
            Self.log(index, at: Self.start.addingTimeInterval(Double(offset) * 7.25),
                     requestId: "req_" + Self.token(&generator, 20), path: paths[index % paths.count],
                     idempotencyKey: index % 3 == 0 ? "idem-" + Self.token(&generator, 16) : nil)
        }
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        try Self.store(logs, in: mirror)

        let target = logs[31_337]
        let middle = String(target.requestId.dropFirst(7).prefix(8))
        for search in [RequestLogSearch(requestId: middle), RequestLogSearch(text: middle),
                       RequestLogSearch(requestId: middle.lowercased()), RequestLogSearch(requestId: target.requestId),
                       RequestLogSearch(text: String(target.requestId.suffix(5)))] {
            let found = try Self.allFound(mirror, search)
            #expect(found.contains { $0.id == target.id }, "\(search)")
            #expect(found.map(\.id) == Self.expected(logs, search), "\(search)")
        }
        // A common text pages through all its matches newest first, none twice.
        let broad = RequestLogSearch(path: "redemptions", since: Self.start.addingTimeInterval(300_000))
        let pages = try Self.allFound(mirror, broad, pageSize: 997)
        #expect(pages.map(\.id) == Self.expected(logs, broad))
        #expect(pages.count > 1000)

        // From the index, in its order: no scan of the logs, no sort of every match.
        let plan = try queryPlan(mirror, RequestLogSearch(requestId: middle, code: "insufficient_points_balance"))
        #expect(plan.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN l") || $0.hasPrefix("SCAN k") || $0.contains("TEMP B-TREE") }, "\(plan)")
        let timePlan = try queryPlan(mirror, RequestLogSearch(code: "insufficient_points_balance", since: Self.start))
        #expect(!timePlan.contains { $0.hasPrefix("SCAN") || $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(timePlan)")
    }

    /// The plan SQLite chooses for a search's first window.
    func queryPlan(_ mirror: MirrorStore, _ search: RequestLogSearch) throws -> [String] {
        let query = MirrorStore.requestLogSearchQuery(search)
        let order = query.keyColumns.map { "\($0) DESC" }.joined(separator: ", ")
        let sql = "EXPLAIN QUERY PLAN \(query.select) WHERE \(query.conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT 50"
        return try mirror.pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(query.arguments)).map { $0["detail"] as String }
        }
    }

    @Test func everyFieldAndNamedObjectIsSearchable() throws {
        let base = Self.start
        let logs = [
            Self.log(1, at: base, requestId: "req_AAAAbbbbCCCC1111", path: "/v1/reviews/rev_0abc123def456/approve",
                     code: .versionConflict, message: "The review changed since you read it.",
                     details: .object(["currentVersion": .int(4)])),
            Self.log(2, at: base.addingTimeInterval(10), requestId: "req_ZZZZyyyyXXXX2222", path: "/v1/transactions/settled",
                     code: .cardholderNotFound, message: "No member with this id exists in the club.",
                     idempotencyKey: "idem-KeyOfTheSecondLog", details: .object(["memberId": .string("mem_0zz9yy8xx7ww6")])),
            Self.log(3, at: base.addingTimeInterval(20), requestId: "req_QQQQrrrrSSSS3333", path: "/v1/redemptions",
                     code: "upstream_timeout", message: "The payout provider did not answer in time.",
                     details: .object(["attempts": .array([.object(["redemption": .string("red_0payout00001")])])])),
        ]
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        try Self.store(logs, in: mirror)
        let cases: [(RequestLogSearch, [String])] = [
            (RequestLogSearch(text: "bbbbCC"), ["log_00000001"]),
            (RequestLogSearch(text: "rev_0abc"), ["log_00000001"]),
            (RequestLogSearch(text: "version_con"), ["log_00000001"]),
            (RequestLogSearch(text: "SINCE YOU"), ["log_00000001"]),
            (RequestLogSearch(text: "KeyOfTheSecond"), ["log_00000002"]),
            (RequestLogSearch(text: "mem_0zz9yy"), ["log_00000002"]),
            (RequestLogSearch(text: "red_0payout"), ["log_00000003"]),
            (RequestLogSearch(text: "upstream"), ["log_00000003"]),
            (RequestLogSearch(text: "/v1/"), ["log_00000003", "log_00000002", "log_00000001"]),
            (RequestLogSearch(requestId: "ZZZZ"), ["log_00000002"]),
            (RequestLogSearch(requestId: "rev_0abc"), []),
            (RequestLogSearch(path: "settled"), ["log_00000002"]),
            (RequestLogSearch(text: "22"), ["log_00000002"]),
            (RequestLogSearch(requestId: "33"), ["log_00000003"]),
            (RequestLogSearch(text: "the", code: "cardholder_not_found"), ["log_00000002"]),
            (RequestLogSearch(since: base.addingTimeInterval(10)), ["log_00000003", "log_00000002"]),
            (RequestLogSearch(text: "req_", since: base.addingTimeInterval(15)), ["log_00000003"]),
            (RequestLogSearch(text: "\"quoted\" AND OR *"), []),
            (RequestLogSearch(text: "/v1/", status: .clientErrors, retryable: false), ["log_00000003", "log_00000002", "log_00000001"]),
            (RequestLogSearch(text: "/v1/", status: .serverErrors), []),
            (RequestLogSearch(requestId: "req", retryable: true), []),
        ]
        for (search, ids) in cases {
            #expect(try Self.allFound(mirror, search, pageSize: 2).map(\.id) == ids, "\(search)")
            #expect(Self.expected(logs, search) == ids, "the reference agrees for \(search)")
        }
        #expect(logs.map(\.concernedObjectId) == ["rev_0abc123def456", "mem_0zz9yy8xx7ww6", "red_0payout00001"])
    }

    @Test func theIndexFollowsReplacesUpdatesAndPurges() throws {
        let base = Self.start
        let first = Self.log(1, at: base, requestId: "req_OriginalRequest1")
        let second = Self.log(2, at: base.addingTimeInterval(1), requestId: "req_SecondRequest22")
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        try mirror.applyBootstrapPage([first, second], previousLastId: nil, nextCursor: nil, isLast: true)
        // A second bootstrap replaces the rows (no delete trigger fires for a REPLACE).
        var changed = second
        changed.message = "A message that changed"
        try mirror.applyBootstrapPage([first, changed], previousLastId: nil, nextCursor: nil, isLast: true)
        #expect(try Self.allFound(mirror, RequestLogSearch(text: "enough points")).map(\.id) == ["log_00000001"])
        #expect(try Self.allFound(mirror, RequestLogSearch(text: "that changed")).map(\.id) == ["log_00000002"])
        // A newer version through the feed updates the row in place.
        var newer = first
        newer.version = 2
        newer.requestId = "req_RenamedRequest11"
        try Self.store([newer], in: mirror)
        #expect(try Self.allFound(mirror, RequestLogSearch(requestId: "Original")).isEmpty)
        #expect(try Self.allFound(mirror, RequestLogSearch(requestId: "Renamed")).map(\.id) == ["log_00000001"])
        // A purge takes the index row and the key with it.
        try mirror.applyChanges([ChangeEntry(seq: "9", type: .requestLog, op: .delete, id: first.id, version: 3, object: nil)],
                                cursor: "c9")
        #expect(try Self.allFound(mirror, RequestLogSearch(text: "req_")).map(\.id) == ["log_00000002"])
        let (keys, indexed) = try mirror.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM request_log_keys") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM request_logs_search") ?? -1)
        }
        #expect(keys == 1 && indexed == 1)
    }

    @Test func aBurstAtOneInstantKeepsEveryLogFindable() throws {
        let logs = (0..<5000).map { Self.log($0, at: Self.start, requestId: String(format: "req_burst%05d", $0)) }
        let mirror = try Self.temporaryMirror()
        defer { Self.remove(mirror) }
        try Self.store(logs, in: mirror)
        let found = try Self.allFound(mirror, RequestLogSearch(requestId: "burst"), pageSize: 400)
        #expect(found.count == 5000)
        #expect(Set(found.map(\.id)).count == 5000)
        #expect(try Self.allFound(mirror, RequestLogSearch(requestId: "burst04999")).map(\.id) == ["log_00004999"])
        #expect(try Self.allFound(mirror, RequestLogSearch(requestId: "burst", since: Self.start)).count == 5000)
    }

    @Test func aMirrorFromBeforeTheIndexIsIndexedWhenOpened() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-premigration-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v5-stable-search-keys")
            let log = Self.log(1, at: Self.start, requestId: "req_BeforeTheIndex01")
            try queue.write { db in
                try db.execute(sql: RequestLog.upsertIfNewerSQL, arguments: StatementArguments(values: log.columnValues))
            }
        }
        let mirror = try MirrorStore(path: path)
        #expect(try Self.allFound(mirror, RequestLogSearch(requestId: "BeforeThe")).map(\.id) == ["log_00000001"])
    }

    @Test func aLogNamesTheObjectItConcerns() {
        func named(_ path: String, _ details: JSONValue?) -> String? {
            Self.log(1, at: Self.start, requestId: "req_x", path: path, details: details).concernedObjectId
        }
        #expect(named("/v1/members/mem_abc123/ledger?limit=5", nil) == "mem_abc123")
        #expect(named("/v1/redemptions/red_abc123/approve", .object(["memberId": .string("mem_zzz")])) == "red_abc123")
        #expect(named("/v1/transactions/settled", .object(["memberId": .string("mem_zzz999")])) == "mem_zzz999")
        #expect(named("/v1/transactions/settled", .object(["a": .array([.string("x"), .string("rev_q1")])])) == "rev_q1")
        #expect(named("/v1/transactions/settled", .object(["memberId": .string("12345")])) == nil)
        #expect(named("/v1/members", nil) == nil)
        #expect(named("/v1/mem_", .object(["memberId": .string("mem_")])) == nil)
    }
}
