import Testing
import Terminal

@Suite struct ScreenBufferTests {
    @Test func asciiTextLeftOfTheScreenIsCutAndCounted() {
        var buffer = ScreenBuffer(columns: 10, rows: 2)
        #expect(buffer.put("abcdef", x: -2, y: 0) == 6)
        #expect(buffer.row(0) == "cdef      ")
        #expect(buffer.put("abcdef", x: 0, y: 5) == 6)
        #expect(buffer.put("abcdef", x: 1, y: 1, maxColumns: 3) == 3)
        #expect(buffer.row(1) == " abc      ")
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(columns: 6, rows: 1)
        buffer.put("漢字漢", x: 0, y: 0)
        buffer.fill(x: 1, y: 0, width: 2, height: 1, role: .rowSelected)
        #expect(buffer.row(0) == "    漢")
        #expect(buffer.roles(y: 0) == [.text, .rowSelected, .rowSelected, .text, .text, .text])
    }

    @Test func withRowLendsExactlyThatRow() {
        var buffer = ScreenBuffer(columns: 4, rows: 3)
        buffer.put("abcd", x: 0, y: 1, role: .title)
        let lent = buffer.withRow(1) { row in row.map(\.grapheme).joined() }
        #expect(lent == "abcd")
        #expect(buffer.withRow(2) { row in row.count } == 4)
        #expect(buffer.withRow(1) { row in row.allSatisfy { $0.role == .title } })
    }

    @Test func putClipsAtRightEdge() {
        var buffer = ScreenBuffer(columns: 5, rows: 1)
        let used = buffer.put("abcdefgh", x: 2, y: 0)
        #expect(used == 3)
        #expect(buffer.text() == "  abc")
    }

    @Test func wideCharacterAtLastColumnBecomesSpace() {
        var buffer = ScreenBuffer(columns: 5, rows: 1)
        let used = buffer.put("ab漢", x: 2, y: 0)
        #expect(used == 3)
        #expect(buffer.row(0) == "  ab ")
        #expect(buffer[x: 4, y: 0].grapheme == " ")
    }

    @Test func wideCharacterOccupiesTwoCells() {
        var buffer = ScreenBuffer(columns: 6, rows: 1)
        #expect(buffer.put("漢字", x: 1, y: 0) == 4)
        #expect(buffer[x: 1, y: 0].grapheme == "漢")
        #expect(buffer[x: 2, y: 0].isContinuation)
        #expect(buffer.row(0) == " 漢字 ")
    }

    @Test func maxColumnsClips() {
        var buffer = ScreenBuffer(columns: 10, rows: 1)
        #expect(buffer.put("漢字テスト", x: 0, y: 0, maxColumns: 5) == 5)
        #expect(buffer.text() == "漢字")
        #expect(buffer.put("zz", x: 0, y: 0, maxColumns: 0) == 0)
    }

    @Test func negativeAndOutOfRangeCoordinatesDoNotCrash() {
        var buffer = ScreenBuffer(columns: 4, rows: 2)
        #expect(buffer.put("abcdef", x: -2, y: 0) == 6)
        #expect(buffer.text() == "cdef\n")
        buffer.put("xyz", x: 0, y: -1)
        buffer.put("xyz", x: 0, y: 2)
        buffer.put("xyz", x: 9, y: 1)
        buffer.put("漢a", x: -1, y: 1)
        #expect(buffer.row(1) == " a  ")
        buffer.fill(x: -3, y: -3, width: 100, height: 100, role: .dialog)
        buffer.setRole(x: -5, y: 7, width: 3, role: .rowSelected)
        #expect(buffer[x: -1, y: -1] == Cell.blank)
        #expect(buffer.row(5) == "")
        #expect(buffer.roles(y: -1).isEmpty)
        let empty = ScreenBuffer(columns: -1, rows: -1)
        #expect(empty.lines().isEmpty)
    }

    @Test func linesAlwaysSpanAllColumns() {
        var buffer = ScreenBuffer(columns: 7, rows: 3)
        buffer.put("漢字テスト", x: 0, y: 0)
        buffer.put("a👨‍👩‍👧🇫🇷e\u{301}", x: 1, y: 1)
        buffer.put("한국어", x: 3, y: 2)
        for line in buffer.lines() {
            #expect(TextWidth.columns(line) == 7, "\(line)")
        }
    }

    @Test func overwritingHalfOfWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(columns: 6, rows: 1)
        buffer.put("漢字", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.row(0) == " x字  ")
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.row(0) == " xy   ")
        #expect(TextWidth.columns(buffer.row(0)) == 6)
        // A span whose two ends each cut a different wide grapheme.
        buffer.put("漢字", x: 0, y: 0)
        buffer.put("ab", x: 1, y: 0)
        #expect(buffer.row(0) == " ab   ")
        #expect(TextWidth.columns(buffer.row(0)) == 6)
    }

    @Test func hostileTextNeverReachesLines() {
        var buffer = ScreenBuffer(columns: 40, rows: 2)
        buffer.put("\u{1b}]52;c;ZXZpbA==\u{07}\u{1b}[2J\u{9b}31mhi\u{202e}\u{1b}", x: 0, y: 0)
        buffer.put("a\tb\u{7}", x: 0, y: 1)
        for line in buffer.lines() {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(buffer.text().contains("hi"))
    }

    @Test func setRoleRestylesSpanAndWholeWideCharacters() {
        var buffer = ScreenBuffer(columns: 6, rows: 2)
        buffer.put("a漢b", x: 0, y: 0)
        buffer.setRole(x: 2, y: 0, width: 1, role: .rowSelected)
        #expect(buffer.roles(y: 0) == [.text, .rowSelected, .rowSelected, .text, .text, .text])
        #expect(buffer.row(0) == "a漢b  ")
    }

    @Test func putKeepsStyleFlags() {
        var buffer = ScreenBuffer(columns: 3, rows: 1)
        buffer.put("ok", x: 0, y: 0, role: .ok, bold: true, underline: true)
        #expect(buffer[x: 0, y: 0] == Cell(grapheme: "o", role: .ok, bold: true, underline: true))
        #expect(buffer[x: 2, y: 0] == Cell.blank)
    }

    @Test func fillAndClearSetRoles() {
        var buffer = ScreenBuffer(columns: 4, rows: 2)
        buffer.put("abcd", x: 0, y: 0)
        buffer.fill(x: 1, y: 0, width: 2, height: 5, role: .dialog)
        #expect(buffer.row(0) == "a  d")
        #expect(buffer.roles(y: 1) == [.text, .dialog, .dialog, .text])
        buffer.clear(role: .statusBar)
        #expect(buffer.roles(y: 0) == Array(repeating: .statusBar, count: 4))
        #expect(buffer.text() == "\n")
    }
}
