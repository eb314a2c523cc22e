import Foundation
import RewardsContract
import Testing

/// The decoders of everything a server sends (the envelopes, the four objects, `me`, the feed
/// head and the feed, and the timestamps inside them), fed seeded random and mutated inputs:
/// each input decodes or throws, never traps (issue #16). A value that does decode comes back
/// the same through its own encoder, so the fuzzing also checks that nothing is decoded lossily.
@Suite struct DecoderFuzzTests {
    /// Seeds of the generator: a failure names its seed, so it can be replayed.
    static let seeds: [UInt64] = Array(1...24)
    static let casesPerSeed = 160

    static let member = #"{"id":"mem_1","version":3,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07.25Z","clubId":"club_1","externalRef":"ext_1","name":"Zoë 漢字","email":"z@example.com","status":"active","pointsAvailable":10,"pointsPending":0,"pointsLifetime":12,"payoutReady":true,"currency":"EUR","deletedAt":null}"#
    static let redemption = #"{"id":"red_1","version":1,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z","memberId":"mem_1","points":500,"cashValueMinor":500,"currency":"EUR","status":"pending_approval","payoutAttempts":0,"lastError":{"code":"x","message":"y"},"lastActionBy":null,"lastActionAt":null}"#
    static let review = #"{"id":"rev_1","version":2,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z","kind":"payout","reasonCode":"repeated_payout_failure","memberId":"mem_1","subjectRef":"red_1","pointsRequested":10,"pointsAvailable":3,"amountMinor":100,"currency":"EUR","status":"open","escalationLevel":0,"note":null,"decidedBy":null,"decidedAt":null,"lastActionBy":"mr_test_x","lastActionAt":"2026-11-22T08:41:07+01:00"}"#
    static let requestLog = #"{"id":"log_1","version":1,"createdAt":"2026-11-22T08:41:07Z","updatedAt":"2026-11-22T08:41:07Z","requestId":"req_1","at":"2026-11-22T08:41:07Z","method":"POST","path":"/v1/redemptions","httpStatus":422,"code":"minimum_redemption","message":"m","retryable":false,"idempotencyKey":null,"details":{"a":[1,2.5,"x",null,true]}}"#

    static var samples: [String] {
        [
            #"{"ok":true,"data":[\#(member)],"page":{"nextCursor":"c1","hasMore":true}}"#,
            #"{"ok":true,"data":\#(redemption)}"#,
            #"{"ok":true,"data":[\#(review)],"page":{"nextCursor":null,"hasMore":false}}"#,
            #"{"ok":true,"data":[\#(requestLog)]}"#,
            #"{"ok":true,"data":[{"seq":"1","type":"member","op":"upsert","id":"mem_1","version":3,"object":\#(member)},{"seq":"2","type":"review","op":"delete","id":"rev_1","version":3,"object":null},{"seq":"3","type":"future","op":"upsert","id":"f_1","version":1,"object":{"x":1}}],"page":{"nextCursor":"c2","hasMore":false}}"#,
            #"{"ok":false,"error":{"code":"version_conflict","message":"m","retryable":false,"details":{"currentVersion":4}}}"#,
            #"{"ok":true,"data":{"keyId":"mr_test_x","clubId":"club_1","clubName":"N","environment":"live","role":"ops"}}"#,
            #"{"ok":true,"data":{"cursor":"h","counts":{"members":1,"redemptions":2}}}"#,
        ]
    }

    /// Decodes `bytes` as every shape a server answers with; returns how many decoded.
    @discardableResult
    static func decodeEverything(_ bytes: Data) throws -> Int {
        var decoded = 0
        func attempt<T: Codable & Equatable>(_ type: T.Type, normalised: (T) -> T = { $0 }) throws {
            guard let value = try? JSONDecoder().decode(type, from: bytes) else { return }
            decoded += 1
            let again = try JSONDecoder().decode(type, from: JSONEncoder().encode(value))
            #expect(normalised(again) == normalised(value),
                    "\(type) changed through its own encoder: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
        }
        try attempt(Envelope<[Member]>.self)
        try attempt(Envelope<Member>.self)
        try attempt(Envelope<[Redemption]>.self)
        try attempt(Envelope<Redemption>.self)
        try attempt(Envelope<[Review]>.self)
        try attempt(Envelope<[RequestLog]>.self)
        // An entry of an unknown type keeps no object (§11: skipped), so it comes back as null.
        try attempt(Envelope<[ChangeEntry]>.self) { envelope in
            var plain = envelope
            plain.data = envelope.data.map { entry in
                var entry = entry
                if entry.object == .unknown { entry.object = nil }
                return entry
            }
            return plain
        }
        try attempt(Envelope<Me>.self)
        try attempt(Envelope<FeedHead>.self)
        try attempt(ErrorEnvelopeValue.self)
        if let text = String(data: bytes, encoding: .utf8) {
            _ = RFC3339.parse(text)
            _ = HTTPDate.parse(text)
        }
        return decoded
    }

    @Test(arguments: seeds)
    func mutatedAnswersDecodeOrThrowButNeverTrap(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let samples = Self.samples.map { Array($0.utf8) }
        for sample in samples { #expect(try Self.decodeEverything(Data(sample)) >= 1, "control: the sample decodes") }
        for _ in 0..<Self.casesPerSeed {
            var bytes = samples[Int(random.next() % UInt64(samples.count))]
            for _ in 0...Int(random.next() % 4) { Mutation.apply(&bytes, &random) }
            try Self.decodeEverything(Data(bytes))
        }
    }

    @Test(arguments: seeds)
    func randomDocumentsDecodeOrThrowButNeverTrap(seed: UInt64) throws {
        var random = SplitMix(seed: seed ^ 0x5eed)
        for _ in 0..<Self.casesPerSeed / 2 {
            let document = RandomJSON.document(&random)
            try Self.decodeEverything(Data(document.utf8))
        }
    }

    @Test func deepNestingAndHugeNumbersDecodeOrThrow() throws {
        for depth in [64, 512, 4096] {
            let open = String(repeating: "[", count: depth), close = String(repeating: "]", count: depth)
            try Self.decodeEverything(Data(#"{"ok":true,"data":\#(open)\#(close)}"#.utf8))
            try Self.decodeEverything(Data(#"{"ok":false,"error":{"code":"x","message":"m","retryable":true,"details":\#(open)\#(close)}}"#.utf8))
        }
        for number in ["1e400", "-1e400", "18446744073709551616", "-9223372036854775809", "9223372036854775807", "1.5",
                       "-0", "1E+2", "0.0000001"] {
            try Self.decodeEverything(Data(Self.member.replacingOccurrences(of: #""version":3"#, with: #""version":\#(number)"#)
                .utf8))
            try Self.decodeEverything(Data(#"{"ok":false,"error":{"code":"stale_timestamp","message":"m","retryable":false,"details":{"serverTime":\#(number)}}}"#.utf8))
        }
    }
}

/// `SuccessEnvelope` with the payload compared, for the round-trip check.
struct Envelope<Payload: Codable & Sendable & Equatable>: Codable, Equatable {
    var ok: Bool
    var data: Payload
    var page: PageInfo?

    init(from decoder: any Decoder) throws {
        let envelope = try SuccessEnvelope<Payload>(from: decoder)
        ok = envelope.ok; data = envelope.data; page = envelope.page
    }

    func encode(to encoder: any Encoder) throws {
        try SuccessEnvelope(data: data, page: page).encode(to: encoder)
    }
}

struct ErrorEnvelopeValue: Codable, Equatable {
    var error: APIErrorBody

    init(from decoder: any Decoder) throws { error = try ErrorEnvelope(from: decoder).error }
    func encode(to encoder: any Encoder) throws { try ErrorEnvelope(error: error).encode(to: encoder) }
}

/// SplitMix64, seeded: the same seed gives the same inputs on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What a broken or hostile server might do to a good answer.
enum Mutation {
    static let tokens = ["null", "true", "0", "-1", "1e400", "18446744073709551616", "\"\"", "[]", "{}", "\"\\u0000\"",
                         "\"\\ud800\"", "\"\\u001b]0;x\\u0007\"", "\"2026-02-30T25:61:61Z\"", "\"9999-12-31T23:59:60.9999999999Z\"",
                         "\"\u{202e}\"", "\u{0}", "\u{ff}", ",", ":", "\"", "{", "[", "]", "}"]

    static func apply(_ bytes: inout [UInt8], _ random: inout SplitMix) {
        guard !bytes.isEmpty else { bytes = Array("{}".utf8); return }
        let at = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 7 {
        case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(contentsOf: Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8), at: at)
        case 3: bytes = Array(bytes.prefix(at))
        case 4:
            let length = min(bytes.count - at, Int(random.next() % 64))
            bytes.insert(contentsOf: bytes[at..<at + length], at: at)
        case 5:
            // A value swapped for another: find the next ':' and replace up to the next ',' or '}'.
            guard let colon = bytes[at...].firstIndex(of: 58) else { return }
            let end = bytes[(colon + 1)...].firstIndex { $0 == 44 || $0 == 125 } ?? bytes.count
            bytes.replaceSubrange((colon + 1)..<end, with: Array(tokens[Int(random.next() % 14)].utf8))
        default:
            bytes.swapAt(at, Int(random.next() % UInt64(bytes.count)))
        }
    }
}

/// Random JSON documents shaped like the contract's (an envelope, objects with its field names)
/// whose values are of random types and sizes.
enum RandomJSON {
    static let keys = ["ok", "data", "page", "error", "id", "version", "seq", "type", "op", "object", "nextCursor",
                       "hasMore", "code", "message", "retryable", "details", "createdAt", "updatedAt", "status",
                       "memberId", "points", "name", "email", "clubId", "cursor", "counts", "keyId", "environment", "role"]

    static func document(_ random: inout SplitMix) -> String {
        let ok = random.next() % 2 == 0
        return ok ? #"{"ok":true,"data":\#(value(&random, depth: 0)),"page":\#(value(&random, depth: 2))}"#
            : #"{"ok":false,"error":\#(value(&random, depth: 1))}"#
    }

    static func value(_ random: inout SplitMix, depth: Int) -> String {
        switch random.next() % (depth > 4 ? 5 : 7) {
        case 0: return "null"
        case 1: return random.next() % 2 == 0 ? "true" : "false"
        case 2: return String(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
        case 3: return ["1e308", "-1e-308", "0.5", "1e999", "3"][Int(random.next() % 5)]
        case 4: return "\"" + ["mem_1", "2026-11-22T08:41:07Z", "", "\\u001b[2J", "x\\ny", "live", "upsert"][Int(random.next() % 7)] + "\""
        case 5: return "[" + (0..<Int(random.next() % 4)).map { _ in value(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<Int(random.next() % 8)).map { _ in
                "\"\(keys[Int(random.next() % UInt64(keys.count))])\":\(value(&random, depth: depth + 1))"
            }.joined(separator: ",") + "}"
        }
    }
}
