import Foundation
import InertText
import Testing

/// `Inert.json`: the strings of a JSON document escaped so that none of their characters can
/// act on a terminal, while the document still parses to the same values.
@Suite struct InertJSONTests {
    static let hostile = "\u{1b}]52;c;cm0gLXJmIH4=\u{07}name\u{202e}evil\u{9b}31m\u{85}\u{2028}\u{2029}\u{7f}\u{0}\u{61c}"

    /// The bytes no terminal should receive from a server: ESC, BEL, C1, bidi controls.
    static func dangerous(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
            || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    @Test func everyDangerousCharacterBecomesAnEscapeAndTheDocumentRoundTrips() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let document = ["name": Self.hostile, "plain": "漢字 👨‍👩‍👧 e\u{301}"]
        let raw = String(decoding: try encoder.encode(document), as: UTF8.self)
        #expect(raw.unicodeScalars.contains(where: Self.dangerous), "control: the encoder leaves some through")

        let inert = Inert.json(raw)
        #expect(!inert.unicodeScalars.contains(where: Self.dangerous))
        #expect(inert.contains(#"\u202e"#) && inert.contains(#"\u009b"#) && inert.contains(#"\u2028"#))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(inert.utf8))
        #expect(decoded == document)
    }

    @Test func theByteVersionAgreesWithTheTextVersion() throws {
        let raw = String(decoding: try JSONEncoder().encode([Self.hostile]), as: UTF8.self)
        #expect(Inert.json(Array(raw.utf8)) == Array(Inert.json(raw).utf8))
        let plain = Array(#"{"a":"b"}"#.utf8)
        #expect(Inert.json(plain) == plain)
    }

    @Test func safeJSONIsReturnedUnchanged() {
        let text = #"{"id":"mem_1","name":"Zoë 漢字","n":[1,2.5,null,true]}"#
        #expect(Inert.json(text) == text)
    }

    @Test func linesKeepTheirBreaksAndLoseTheirEscapes() {
        #expect(Inert.lines("first \u{1b}[2J\nsecond\u{202e}") == "first \u{FFFD}\nsecond")
        #expect(Inert.lines("a\tb\nc") == "a b\nc")
    }
}

extension InertJSONTests {
    @Test func whitespaceBetweenTokensStaysAndPrettyOutputStillParses() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let raw = String(decoding: try encoder.encode(["a": "x\u{1b}[2J\ny", "b": "\u{202e}"]), as: UTF8.self)
        let inert = Inert.json(raw)
        #expect(inert.contains("\n"), "pretty printing's line feeds are between tokens")
        #expect(!inert.unicodeScalars.contains(where: { $0 == "\u{1b}" || $0 == "\u{202e}" }))
        #expect(try JSONDecoder().decode([String: String].self, from: Data(inert.utf8)) == ["a": "x\u{1b}[2J\ny", "b": "\u{202e}"])
        // Fragments written one by one (a streamed export) stay valid pieces of one document.
        let pieces = ["{", "\n\"k\": [", "\n  " + String(decoding: try JSONEncoder().encode("\u{9b}"), as: UTF8.self), "\n]", "\n}\n"]
        let joined = pieces.map { Inert.json($0) }.joined()
        #expect(try JSONDecoder().decode([String: [String]].self, from: Data(joined.utf8)) == ["k": ["\u{9b}"]])
    }
}
