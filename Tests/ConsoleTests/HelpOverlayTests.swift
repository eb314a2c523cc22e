import Foundation
import Terminal
import Testing
@testable import Console

/// `?` uses the screen's width: every key of the pane and every `:` command, nothing cut.
@Suite struct HelpOverlayTests {
    func helpScreen(_ pane: PaneID, columns: Int, rows: Int, readOnly: Bool = false) -> (AppState, [String]) {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.pane = pane
        if readOnly { state.identity?.role = .support }
        _ = Update.update(&state, .key(.char("?")))
        return (state, RootView.render(state).lines())
    }

    /// The screen's text with borders and runs of blanks folded into single spaces.
    func flattened(_ lines: [String]) -> String {
        lines.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "│" }).joined(separator: " ")
    }

    static let sizes: [(Int, Int)] = [(80, 24), (120, 40), (200, 60)]

    @Test(arguments: PaneTable.ids, [0, 1, 2])
    func everyEntryAndCommandIsShownWhole(pane: PaneID, size: Int) {
        let (columns, rows) = Self.sizes[size]
        let (state, lines) = helpScreen(pane, columns: columns, rows: rows)
        let plan = HelpView.plan(state)
        #expect(plan.layout.leftOut == 0, "\(pane) at \(columns)×\(rows): entries left out")
        // Each entry's lines, read in order, say its whole description: wrapped, never cut.
        var read: [HelpView.Entry] = []
        for line in plan.layout.columns.flatMap({ $0 }) {
            if line.key.isEmpty, let last = read.indices.last {
                read[last].text += " " + line.text
            } else {
                read.append(HelpView.Entry(key: line.key, text: line.text))
            }
            #expect(lines.contains { $0.contains(line.key + String(repeating: " ", count: max(1, plan.layout.keyWidth
                - TextWidth.columns(line.key) + 1)) + line.text) }, "“\(line.text)” is not drawn")
        }
        #expect(read == HelpView.entries(state), "\(pane) at \(columns)×\(rows)")
        let text = flattened(lines)
        for spec in ActionRegistry.available(on: pane, readOnly: false) {
            for name in spec.commands { #expect(text.contains(":\(name)"), "\(pane): :\(name) is not listed") }
        }
        #expect(text.contains(":theme NAME") && text.contains(":profile [NAME]"))
        for line in lines { #expect(TextWidth.columns(line) == columns) }
    }

    @Test func aWideScreenNeedsOneColumnAndANarrowOneSeveral() {
        let (wide, _) = helpScreen(.reviews, columns: 200, rows: 60)
        let entries = HelpView.entries(wide)
        #expect(HelpView.layout(entries, width: 196, height: 50).columns.count == 1)
        #expect(HelpView.layout(entries, width: 76, height: 16).columns.count >= 2)
    }

    @Test func theOverlayTakesTheScreensWidth() {
        let (_, lines) = helpScreen(.reviews, columns: 200, rows: 60)
        let top = lines.firstIndex { $0.contains("Keys — Review queue") } ?? 0
        #expect(lines[top].hasPrefix(" ┌") && lines[top].hasSuffix("┐ "), "\(lines[top])")
    }

    @Test func aReadOnlyKeySeesNoDecisionsNorTheirCommands() {
        let (_, lines) = helpScreen(.reviews, columns: 120, rows: 40, readOnly: true)
        let text = flattened(lines)
        #expect(!text.contains(":approve") && !text.contains(":escalate") && !text.contains(":undo"))
        #expect(text.contains(":sync") && text.contains("sync now"))
    }

    @Test func whatCannotFitSaysSo() {
        let entries = (1...60).map { HelpView.Entry(key: "k\($0)", text: "action number \($0)") }
        let layout = HelpView.layout(entries, width: 76, height: 10)
        #expect(layout.leftOut > 0)
        #expect(layout.columns.flatMap { $0 }.count + layout.leftOut == 60)
    }
}
