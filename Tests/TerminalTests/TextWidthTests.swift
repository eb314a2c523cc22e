import Testing
@testable import Terminal

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3), ("漢字", 4), ("👍", 2), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("e\u{301}", 1),
        ("한국어", 6), ("", 0), ("ｱｲ", 2), ("ＡＢ", 4), ("❤️", 2), ("❤", 1), ("1️⃣", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("a\u{200B}b", 2), ("…", 1), ("─", 1), ("é", 1),
    ])
    func columns(text: String, expected: Int) {
        #expect(TextWidth.columns(text) == expected)
    }

    @Test(arguments: [("#\u{FE0F}\u{20E3}", 2), ("*\u{FE0F}\u{20E3}", 2), ("#", 1), ("\r\n", 0), ("a\tb", 2),
                      ("~", 1), ("\u{7F}", 0), ("a\u{301}", 1)])
    func asciiBasedGraphemes(text: String, expected: Int) {
        #expect(TextWidth.columns(text) == expected)
    }

    @Test func printableASCIIWidthOnlyForPrintableASCII() {
        #expect(TextWidth.printableASCIIWidth("member12@example.org") == 20)
        #expect(TextWidth.printableASCIIWidth("") == 0)
        #expect(TextWidth.printableASCIIWidth("a\u{7}b") == nil)
        #expect(TextWidth.printableASCIIWidth("a\u{7F}") == nil)
        #expect(TextWidth.printableASCIIWidth("zoë") == nil)
        #expect(TextWidth.printableASCIIWidth("e\u{301}") == nil)
    }

    /// The ASCII shortcut must cut exactly where the grapheme walk does.
    @Test func asciiTruncationMatchesTheGeneralPath() {
        let samples = ["", "a", "Quentin Schmidt 3566", "member3566@example.org", String(repeating: "xy", count: 40)]
        for sample in samples {
            for limit in 0...24 {
                let general = TextWidth.columns(sample) <= limit ? sample
                    : (limit == 0 ? "" : TextWidth.prefix(sample, fitting: limit - 1) + "…")
                #expect(TextWidth.truncate(sample, toColumns: limit) == general, "\(sample) at \(limit)")
            }
        }
    }

    @Test func controlsAndMarksAreZeroWidth() {
        #expect(TextWidth.columns(of: "\u{301}") == 0)
        #expect(TextWidth.columns(of: "\u{200D}") == 0)
        #expect(TextWidth.columns(of: "\u{7}") == 0)
    }

    @Test func truncateDoesNotSplitWideCharacters() {
        let cut = TextWidth.truncate("漢字テスト", toColumns: 5)
        #expect(TextWidth.columns(cut) <= 5)
        #expect(cut.hasSuffix("…"))
        #expect(cut == "漢字…")
    }

    @Test func truncateNeverExceedsWidth() {
        let samples = ["abcdef", "漢字テスト", "👨‍👩‍👧👍🇫🇷x", "e\u{301}e\u{301}e\u{301}", "한국어 text 日本"]
        for sample in samples {
            for limit in 0...12 {
                let cut = TextWidth.truncate(sample, toColumns: limit)
                #expect(TextWidth.columns(cut) <= limit, "\(sample) at \(limit) gave \(cut)")
                #expect(cut.isEmpty || sample.hasPrefix(cut) || cut.hasSuffix("…"))
            }
        }
    }

    @Test func truncateKeepsFittingText() {
        #expect(TextWidth.truncate("abc", toColumns: 3) == "abc")
        #expect(TextWidth.truncate("abcd", toColumns: 3) == "ab…")
        #expect(TextWidth.truncate("abcd", toColumns: 0) == "")
        #expect(TextWidth.truncate("abcd", toColumns: 1, ellipsis: "...") == "a")
    }

    @Test func padFillsToExactWidth() {
        #expect(TextWidth.pad("ab", toColumns: 4) == "ab  ")
        #expect(TextWidth.columns(TextWidth.pad("漢字テスト", toColumns: 6)) == 6)
        #expect(TextWidth.columns(TextWidth.pad("漢字テスト", toColumns: 5)) == 5)
        #expect(TextWidth.padLeft("42", toColumns: 5) == "   42")
        #expect(TextWidth.padLeft("漢", toColumns: 3) == " 漢")
        #expect(TextWidth.pad("x", toColumns: 0) == "")
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = EastAsianWide.ranges
        for (a, b) in zip(ranges, ranges.dropFirst()) {
            #expect(a.upperBound < b.lowerBound)
        }
    }
}
