import Foundation
import RewardsContract
@testable import SyncEngine
import TestSupport
import Testing

/// The fast decoders of redemptions, reviews and request logs against JSONDecoder: generated
/// pages (fields shuffled, optional fields absent or null, unknown fields, free-form details)
/// and random mutations of them. Whenever a fast decoder answers, JSONDecoder must give the
/// same answer.
@Suite struct QueuePageDecoderTests {
    static let hostile = ["Zoë 🌟", "", "nul\u{0}inside", "\u{1b}[31mred\u{202e}rtl", "王小明", "quote \" and \\ back",
                          "tab\tnew\nline\r", "\u{7f}\u{85}\u{9b}c1", "😀\u{fe0f}\u{200d}👩", "\u{ffff}\u{10ffff}"]

    func text(_ index: Int) -> String { Self.hostile[index % Self.hostile.count] + " \(index)" }
    func stamp(_ index: Int) -> Timestamp { Timestamp(raw: index % 2 == 0 ? "2026-11-22T08:41:07Z" : "2026-11-22T08:41:07.1234Z") }

    func redemption(_ index: Int) -> Redemption {
        Redemption(id: "red_\(index)", version: index, createdAt: stamp(index), updatedAt: stamp(index + 1),
                   memberId: "mem_\(index)", points: index * 10, cashValueMinor: -index, currency: "EUR",
                   status: index % 3 == 0 ? "pending_approval" : "something_new", payoutAttempts: index % 4,
                   lastError: index % 2 == 0 ? RedemptionError(code: "payout_failed", message: text(index)) : nil,
                   lastActionBy: index % 5 == 0 ? text(index + 1) : nil, lastActionAt: index % 5 == 0 ? stamp(index) : nil)
    }

    func review(_ index: Int) -> Review {
        Review(id: "rev_\(index)", version: index, createdAt: stamp(index), updatedAt: stamp(index + 1),
               kind: index % 2 == 0 ? .payout : "new_kind", reasonCode: text(index), memberId: "mem_\(index)",
               subjectRef: "red_\(index)", pointsRequested: Int.max - index, pointsAvailable: Int.min + index,
               amountMinor: 0, currency: "EUR", status: index % 3 == 0 ? .open : .escalated, escalationLevel: index % 4,
               note: index % 2 == 1 ? text(index + 2) : nil, decidedBy: index % 3 == 1 ? "mr_test_x" : nil,
               decidedAt: index % 3 == 1 ? stamp(index) : nil)
    }

    func requestLog(_ index: Int) -> RequestLog {
        let details: JSONValue? = index % 3 == 0 ? nil : .object([
            "count": .int(Int64(index) - 5), "flag": .bool(index % 2 == 0), "none": .null, "why": .string(text(index)),
            "list": .array([.int(1), .string("x"), .object(["deep": .array([])])]),
        ])
        return RequestLog(id: "log_\(index)", version: 1, createdAt: stamp(index), updatedAt: stamp(index), requestId: "req_\(index)",
                          at: stamp(index + 3), method: "POST", path: "/v1/redemptions?x=\(index)", httpStatus: 400 + index % 100,
                          code: "invalid_request", message: text(index), retryable: index % 2 == 0,
                          idempotencyKey: index % 4 == 0 ? "key-\(index)" : nil, details: details)
    }

    /// JSON text of a value with its keys shuffled, spacing varied, sometimes an unknown field,
    /// and top-level nulls sometimes left out (absent and null read the same).
    func write(_ value: JSONValue, top: Bool, using random: inout SeededRandom) -> String {
        func space() -> String { ["", "", " ", "\n ", "\t"][Int(random.next() % 5)] }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return String(decoding: (try? JSONEncoder().encode(text)) ?? Data(), as: UTF8.self)
        case .array(let items): return "[" + items.map { write($0, top: false, using: &random) }.joined(separator: "," + space()) + "]"
        case .object(let fields):
            var keys = Array(fields.keys)
            keys.shuffle(using: &random)
            var parts: [String] = []
            for key in keys {
                guard let field = fields[key] else { continue }
                if top, field == .null, random.next() % 2 == 0 { continue }
                parts.append(write(.string(key), top: false, using: &random) + space() + ":" + space()
                             + write(field, top: false, using: &random))
            }
            if top, random.next() % 4 == 0 { parts.insert("\"unknownField\": {\"a\": [1, 2.5e-3, null, \"z\"]}", at: 0) }
            return "{" + space() + parts.joined(separator: "," + space()) + space() + "}"
        }
    }

    func page<Row: Encodable>(_ rows: [Row], hasMore: Bool, using random: inout SeededRandom) throws -> Data {
        let objects = try rows.map { try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode($0)) }
        let data = "[" + objects.map { write($0, top: true, using: &random) }.joined(separator: ",") + "]"
        let info = hasMore ? "{\"nextCursor\": \"next\", \"hasMore\": true}" : "{\"hasMore\": false, \"nextCursor\": null}"
        return Data("{\"page\": \(info), \"data\": \(data), \"ok\": true}".utf8)
    }

    func strict<Row: Codable & Sendable>(_ type: Row.Type, _ data: Data) -> Page<Row>? {
        guard let envelope = try? JSONDecoder().decode(SuccessEnvelope<[Row]>.self, from: data) else { return nil }
        return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor, hasMore: envelope.page?.hasMore ?? false)
    }

    func agree<Row: Codable & Sendable & Equatable>(_ data: Data, _ fast: (UnsafeRawBufferPointer) -> Page<Row>?)
        -> (fastAnswered: Bool, agreed: Bool) {
        guard let decoded = data.withUnsafeBytes(fast) else { return (false, true) }
        guard let expected = strict(Row.self, data) else { return (true, false) }
        return (true, decoded.rows == expected.rows && decoded.nextCursor == expected.nextCursor
                    && decoded.hasMore == expected.hasMore)
    }

    func fuzz<Row: Codable & Sendable & Equatable>(_ name: String, make: (Int) -> Row,
                                                   fast: (UnsafeRawBufferPointer) -> Page<Row>?) throws {
        var random = SeededRandom(seed: 1406)
        var seeds: [Data] = []
        for start in stride(from: 0, to: 60, by: 6) {
            let data = try page((start..<(start + 6)).map(make), hasMore: start % 12 == 0, using: &random)
            let outcome = agree(data, fast)
            #expect(outcome.fastAnswered && outcome.agreed, "\(name): a generated page \(outcome)")
            seeds.append(data)
        }
        var accepted = 0, rejected = 0
        for round in 0..<15_000 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0...Int(random.next() % 3) { MemberPageDecoderTests().mutate(&bytes, using: &random) }
            let outcome = agree(Data(bytes), fast)
            if outcome.fastAnswered { accepted += 1 } else { rejected += 1 }
            if !outcome.agreed {
                Issue.record("\(name), round \(round): the fast decoder answered otherwise than JSONDecoder: \(String(decoding: bytes, as: UTF8.self))")
                return
            }
        }
        #expect(accepted > 500 && rejected > 500, "\(name): accepted \(accepted), rejected \(rejected)")
    }

    @Test func redemptionPages() throws { try fuzz("redemptions", make: redemption, fast: QueuePageDecoders.redemptions) }
    @Test func reviewPages() throws { try fuzz("reviews", make: review, fast: QueuePageDecoders.reviews) }
    @Test func requestLogPages() throws { try fuzz("request logs", make: requestLog, fast: QueuePageDecoders.requestLogs) }

    @Test func detailsWithAFractionGoToTheStrictDecoder() throws {
        let text = #"{"ok":true,"data":[{"id":"log_1","version":1,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z","requestId":"r","at":"2026-11-22T08:41:07Z","method":"GET","path":"/","httpStatus":500,"code":"x","message":"m","retryable":true,"idempotencyKey":null,"details":{"ratio":0.5}}],"page":null}"#
        let data = Data(text.utf8)
        #expect(data.withUnsafeBytes(QueuePageDecoders.requestLogs) == nil)
        #expect(strict(RequestLog.self, data)?.rows.first?.details?["ratio"] == .double(0.5))
    }
}
