import Foundation
@testable import rewards_ops
import Terminal
import Testing

/// The headless table: aligned by display width, cut only when a terminal is too narrow,
/// and never in the columns that say what a row is.
@Suite struct TextTableTests {
    let table = TextTable(columns: [.init("ID"), .init("STATUS"), .init("NAME", shrinkOrder: 1),
                                    .init("REASON", shrinkOrder: 2), .init("PTS", alignRight: true)],
                          rows: [["rev_0ccwb7ctmijvc", "open", "陳大文 and a long family name", "manual_review_required", "12"],
                                 ["rev_1", "escalated", "Ana", "repeated_payout_failure", "3,400"],
                                 ["rev_22", "approved", "👩‍💻 dev", "x", "7"]])

    @Test func alignsWideCharactersByDisplayWidth() {
        let lines = TextTable(columns: [.init("ID"), .init("NAME", shrinkOrder: 1), .init("PTS", alignRight: true)],
                              rows: [["mem_1", "陳大文", "12"], ["mem_22", "Ana", "3,400"], ["mem_3", "👩‍💻 dev", "7"]])
            .lines(width: nil)
        #expect(lines == [
            "ID      NAME      PTS",
            "mem_1   陳大文     12",
            "mem_22  Ana     3,400",
            "mem_3   👩‍💻 dev      7",
        ])
    }

    @Test func aPipeGetsEveryCellWhole() {
        let lines = table.lines(width: nil)
        #expect(lines[1].contains("陳大文 and a long family name"))
        #expect(lines[2].contains("repeated_payout_failure"))
        #expect(!lines.joined().contains("…"))
    }

    @Test func aWideEnoughTerminalCutsNothing() {
        let width = table.lines(width: nil).map(TextWidth.columns).max() ?? 0
        #expect(table.lines(width: width) == table.lines(width: nil))
    }

    @Test func aNarrowTerminalCutsTheWidestTextFirstAndNeverIdsOrStates() {
        let full = table.lines(width: nil)
        let fullWidth = full.map(TextWidth.columns).max() ?? 0
        // Five columns narrower: the name, the widest cuttable column, gives them up alone.
        let slightly = table.lines(width: fullWidth - 5)
        #expect(slightly.allSatisfy { TextWidth.columns($0) <= fullWidth - 5 })
        #expect(slightly[1].contains("陳大文 and a") && slightly[1].contains("…"))
        #expect(slightly[2].contains("repeated_payout_failure"))
        // At 60 columns name and reason are cut to about the same width, and every id, status
        // and number is still whole.
        let narrow = table.lines(width: 60)
        #expect(narrow.allSatisfy { TextWidth.columns($0) <= 60 }, "\(narrow)")
        for (line, row) in zip(narrow.dropFirst(), table.rows) {
            #expect(line.hasPrefix(TextWidth.pad(row[0], toColumns: 17) + "  " + row[1]), "\(line)")
            #expect(line.hasSuffix(row[4]))
        }
        #expect(narrow[1].contains("陳大文 …") || narrow[1].contains("陳大文 a"))
        #expect(narrow[2].contains("repeated_p…"), "\(narrow[2])")
    }

    @Test func columnsAreLeftOutBeforeTextIsCutUnreadable() {
        let table = TextTable(columns: [.init("ID"), .init("MEMBER ID", dropOrder: 1), .init("KIND", dropOrder: 2),
                                        .init("NAME", shrinkOrder: 1)],
                              rows: [["rev_0ccwb7ctmijvc", "mem_3n9b4at24zl6h", "reversal", "Nguyễn Thị Minh Khai"]])
        #expect(table.lines(width: nil)[1] == "rev_0ccwb7ctmijvc  mem_3n9b4at24zl6h  reversal  Nguyễn Thị Minh Khai")
        // The name could be cut to four columns and keep both ids; it is not: the member id goes.
        #expect(table.lines(width: 52) == ["ID                 KIND      NAME", "rev_0ccwb7ctmijvc  reversal  Nguyễn Thị Minh Khai"])
        #expect(table.lines(width: 40)[1] == "rev_0ccwb7ctmijvc  reversal  Nguyễn Thị…")
        // Nothing left to drop: cut down to four columns, then lines may be wider than asked.
        #expect(table.lines(width: 24)[1] == "rev_0ccwb7ctmijvc  Nguy…")
        #expect(table.lines(width: 10)[1] == "rev_0ccwb7ctmijvc  Ngu…")
    }

    @Test func everyCellIsMadeInert() {
        let hostile = TextTable(columns: [.init("ID"), .init("NAME")],
                                rows: [["mem_1", "\u{1b}]52;c;cm0gLXJm\u{07}Eve \u{1b}[2J\u{9b}31m\u{202E}gnp.exe\u{85}"]])
        let text = hostile.lines(width: nil).joined(separator: "\n")
        #expect(!text.unicodeScalars.contains { $0.value < 0x0A || (0x0B..<0x20).contains($0.value) || (0x7F...0x9F).contains($0.value) })
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
        #expect(text.contains("Eve"))
    }

    @Test func fieldListsPadLabelsAndCutOnlyOnANarrowTerminal() {
        let list = FieldList(fields: [("ID", "mem_1"), ("EXTERNAL REF", "CRM-100052"), ("NAME", "Олександр Шевченко \u{1b}[31m")])
        #expect(list.lines(width: nil) == ["ID            mem_1", "EXTERNAL REF  CRM-100052", "NAME          Олександр Шевченко \u{FFFD}"])
        #expect(list.lines(width: 24)[2] == "NAME          Олександр…")
    }
}
