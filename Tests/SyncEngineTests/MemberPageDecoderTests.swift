import Foundation
import RewardsContract
@testable import SyncEngine
import TestSupport
import Testing

/// The bootstrap's own decoder of member pages must give JSONDecoder's answer whenever it
/// gives one, on any input: generated pages in any key order and spacing, hostile strings,
/// and tens of thousands of random mutations of them. When it is unsure it gives up (nil)
/// and JSONDecoder decides.
@Suite struct MemberPageDecoderTests {
    static let fields = ["id", "version", "createdAt", "updatedAt", "clubId", "externalRef", "name", "email", "status",
                         "pointsAvailable", "pointsPending", "pointsLifetime", "payoutReady", "currency", "deletedAt"]
    static let hostile = ["Zoë 🌟", "", "nul\u{0}inside", "\u{1b}[31mred\u{202e}rtl", "王小明", "quote \" and \\ back",
                          "tab\tnew\nline\r", "\u{7f}\u{85}\u{9b}c1", "😀\u{fe0f}\u{200d}👩", "/slash/", "\u{ffff}\u{10ffff}"]

    func strict(_ data: Data) -> Page<Member>? {
        guard let envelope = try? JSONDecoder().decode(SuccessEnvelope<[Member]>.self, from: data) else { return nil }
        return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor, hasMore: envelope.page?.hasMore ?? false)
    }

    func fast(_ data: Data) -> Page<Member>? {
        data.withUnsafeBytes { MemberPageDecoder.decode($0) }
    }

    func same(_ a: Page<Member>, _ b: Page<Member>) -> Bool {
        a.rows == b.rows && a.nextCursor == b.nextCursor && a.hasMore == b.hasMore
    }

    func json(_ string: String) -> String {
        String(decoding: (try? JSONEncoder().encode(string)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// A member's JSON with its fields in a random order, random spacing, unknown fields, and
    /// escapes written in several ways.
    func memberJSON(_ index: Int, using random: inout SeededRandom) -> String {
        let name = Self.hostile[index % Self.hostile.count] + " \(index)"
        var values: [String: String] = [
            "id": json("mem_\(String(format: "%06d", index))"), "version": String(1 + index % 9),
            "createdAt": json("2026-11-22T08:41:07.12345Z"), "updatedAt": json("2026-11-22T08:41:07Z"),
            "clubId": json("club_x"), "externalRef": json("ext-\(index)"), "name": json(name),
            "email": json("m\(index)@example.org"), "status": json(index % 5 == 0 ? "suspended" : "active"),
            "pointsAvailable": String(index * 7919 % 50_000), "pointsPending": index % 7 == 0 ? "-12" : "0",
            "pointsLifetime": index % 11 == 0 ? String(Int.max) : "\(index)",
            "payoutReady": index % 2 == 0 ? "true" : "false", "currency": json("EUR"),
            "deletedAt": index % 4 == 0 ? json("2026-11-23T00:00:00Z") : "null",
        ]
        if index % 3 == 0 { values["deletedAt"] = nil }  // absent reads as null
        if index % 6 == 1 { values["name"] = "\"\\u00c9t\\u00e9 \\ud83d\\ude00 \\/ \\\"x\\\"\"" }
        var keys = Array(values.keys)
        keys.shuffle(using: &random)
        var parts = keys.map { key in "\"\(key)\"" + space(&random) + ":" + space(&random) + (values[key] ?? "null") }
        if index % 5 == 2 {
            parts.insert("\"tier\": {\"level\": [1, 2.5e-3, {\"x\": null}], \"since\": \"2020\"}", at: 0)
        }
        return "{" + space(&random) + parts.joined(separator: "," + space(&random)) + space(&random) + "}"
    }

    func space(_ random: inout SeededRandom) -> String {
        ["", "", "", " ", "\n  ", "\t", " \r\n"][Int(random.next() % 7)]
    }

    func pageJSON(rows: Range<Int>, hasMore: Bool, using random: inout SeededRandom) -> Data {
        let data = "[" + rows.map { memberJSON($0, using: &random) }.joined(separator: ",") + "]"
        let page = hasMore ? "{\"hasMore\": true, \"nextCursor\": \"c_\(rows.upperBound)\", \"extra\": 1}"
            : "{\"nextCursor\": null, \"hasMore\": false}"
        var parts = ["\"ok\": true", "\"data\": " + data, "\"page\": " + page]
        parts.shuffle(using: &random)
        return Data(("{" + parts.joined(separator: ", ") + "}\n").utf8)
    }

    @Test func generatedPagesDecodeAsJSONDecoderDecodesThem() throws {
        var random = SeededRandom(seed: 14)
        for start in stride(from: 0, to: 600, by: 60) {
            let data = pageJSON(rows: start..<(start + 60), hasMore: start < 540, using: &random)
            let expected = try #require(strict(data), "the generated page must be valid JSON")
            let decoded = try #require(fast(data), "the fast decoder gave up on a plain page")
            #expect(same(decoded, expected))
        }
    }

    @Test func whatTheFastDecoderAcceptsJSONDecoderAcceptsTheSame() throws {
        var random = SeededRandom(seed: 20_261_206)
        let seeds = (0..<6).map { pageJSON(rows: ($0 * 7)..<($0 * 7 + 7), hasMore: $0 % 2 == 0, using: &random) }
        var accepted = 0, rejected = 0
        for round in 0..<30_000 {
            var bytes = [UInt8](seeds[round % seeds.count])
            for _ in 0...Int(random.next() % 3) { mutate(&bytes, using: &random) }
            let data = Data(bytes)
            guard let decoded = fast(data) else { rejected += 1; continue }
            accepted += 1
            let expected = strict(data)
            #expect(expected.map { same(decoded, $0) } == true,
                    "round \(round): the fast decoder accepted what JSONDecoder \(expected == nil ? "refused" : "read otherwise"): \(String(decoding: bytes, as: UTF8.self))")
            if expected.map({ same(decoded, $0) }) != true { return }
        }
        // The mutations must exercise both sides, or the test proves nothing.
        #expect(accepted > 1000 && rejected > 1000, "accepted \(accepted), rejected \(rejected)")
    }

    func mutate(_ bytes: inout [UInt8], using random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        let at = Int(random.next() % UInt64(bytes.count))
        let interesting: [UInt8] = Array("{}[]\",:\\u0-1e.9 tnfa\u{0}".utf8) + [0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0x1F, 0x7F]
        switch random.next() % 8 {
        case 0: bytes[at] = interesting[Int(random.next() % UInt64(interesting.count))]
        case 1: bytes.insert(interesting[Int(random.next() % UInt64(interesting.count))], at: at)
        case 2: bytes.remove(at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.next() % 12)))
        case 4: bytes = Array(bytes[..<at])
        case 5:
            let length = min(bytes.count - at, Int(random.next() % 40))
            bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
        case 6: bytes[at] ^= UInt8(1 << (random.next() % 8))
        default: bytes.insert(contentsOf: Array(" \n".utf8), at: at)
        }
    }

    @Test func edgeCasesGoToTheStrictDecoderOrMatchIt() {
        let member = #"{"id":"mem_1","version":VERSION,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z","clubId":"c","externalRef":"e","name":NAME,"email":"x@y","status":"active","pointsAvailable":1,"pointsPending":0,"pointsLifetime":1,"payoutReady":true,"currency":"EUR","deletedAt":null}"#
        let cases: [(version: String, name: String)] = [
            ("1.0", "\"n\""), ("1e2", "\"n\""), ("-0", "\"n\""), ("01", "\"n\""), ("9223372036854775807", "\"n\""),
            ("9223372036854775808", "\"n\""), ("-9223372036854775808", "\"n\""), ("1", "\"\\ud800\""),
            ("1", "\"\\udc00\\ud800\""), ("1", "\"\\u0000\""), ("1", "\"a\u{1}b\""), ("1", "\"\\x41\""),
            ("1", "null"), ("1", "\"n\", \"name\": \"twice\""), ("true", "\"n\""), ("1", "\"\\uD83D\\uDE00\""),
        ]
        for item in cases {
            let text = #"{"ok":true,"data":["# + member.replacingOccurrences(of: "VERSION", with: item.version)
                .replacingOccurrences(of: "NAME", with: item.name) + #"],"page":{"nextCursor":null,"hasMore":false}}"#
            let data = Data(text.utf8)
            if let decoded = fast(data) {
                #expect(strict(data).map { same(decoded, $0) } == true, "\(item)")
            }
        }
        // Invalid UTF-8 inside a string.
        var bytes = [UInt8](#"{"ok":true,"data":[],"page":null}"#.utf8)
        #expect(fast(Data(bytes)) != nil)
        bytes.insert(contentsOf: [0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x2C], at: 1)  // "\xC3(":1,
        #expect(fast(Data(bytes)) == nil)
    }
}
