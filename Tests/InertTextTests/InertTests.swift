import Testing
import InertText

@Suite struct InertTests {
    @Test func csiColourIsRemoved() {
        let out = Inert.text("\u{1b}[31mred\u{1b}[0m")
        #expect(!out.unicodeScalars.contains("\u{1b}"))
        #expect(out.contains("red"))
        #expect(out == "\u{FFFD}red\u{FFFD}")
    }

    @Test func osc52LeavesOnlyReplacement() {
        #expect(Inert.text("\u{1b}]52;c;ZXZpbA==\u{07}") == "\u{FFFD}")
        #expect(Inert.text("a\u{1b}]0;title\u{1b}\\b") == "a\u{FFFD}b")
    }

    @Test func dcsAndApcRunToStringTerminator() {
        #expect(Inert.text("x\u{1b}Pq#0;2;0;0;0\u{1b}\\y") == "x\u{FFFD}y")
        #expect(Inert.text("x\u{1b}_payload\u{9c}y") == "x\u{FFFD}y")
    }

    @Test func twoByteEscapesAreRemoved() {
        #expect(Inert.text("a\u{1b}7b\u{1b}(Bc") == "a\u{FFFD}b\u{FFFD}c")
        #expect(Inert.text("end\u{1b}") == "end\u{FFFD}")
    }

    @Test func c1ControlsAreRemoved() {
        let out = Inert.text("\u{9b}31m")
        #expect(!out.unicodeScalars.contains("\u{9b}"))
        #expect(out == "\u{FFFD}")
        #expect(Inert.text("a\u{9d}8;;http://x\u{9c}b") == "a\u{FFFD}b")
        #expect(Inert.text("a\u{85}b") == "a\u{FFFD}b")
    }

    @Test func bidiOverridesAreDropped() {
        #expect(Inert.text("\u{202e}abc") == "abc")
        #expect(Inert.text("a\u{2066}b\u{2069}\u{200f}\u{61c}c") == "abc")
    }

    @Test func whitespaceControlsBecomeSpaces() {
        #expect(Inert.text("a\tb\nc") == "a b c")
        #expect(Inert.text("a\r\nb") == "a b")
        #expect(Inert.text("a\u{0}b\u{7f}c\u{7}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func safeTextIsUnchanged() {
        for sample in ["plain text", "漢字 👨‍👩‍👧 🇫🇷 e\u{301} a\u{200D}b", ""] {
            #expect(Inert.text(sample) == sample)
        }
    }

    @Test func malformedCsiDoesNotSwallowText() {
        #expect(Inert.text("\u{1b}[12;漢字") == "\u{FFFD}漢字")
    }
}
