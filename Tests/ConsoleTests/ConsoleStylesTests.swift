import Terminal
import Testing
@testable import Console

/// The console's roles, declared once in `ConsoleStyles`: their look without a theme, and
/// their keys, which the theme files use and must not change.
@Suite struct ConsoleStylesTests {
    let sheet = ConsoleStyles.sheet

    @Test func monochromeStillSeparatesKeyRoles() {
        #expect(sheet[.rowSelected].monochrome.contains(.reverse))
        #expect(sheet[.tabActive].monochrome.contains(.reverse))
        #expect(sheet[.dialogButtonFocus].monochrome.contains(.reverse))
        #expect(sheet[.title].monochrome.contains(.bold))
        #expect(sheet[.tableHeader].monochrome.contains(.bold))
        #expect(sheet[.textDim].monochrome.contains(.dim))
        #expect(sheet[.badgeLive].monochrome == [.reverse, .bold])
    }

    @Test func basicPaletteFitsEightColours() {
        for definition in sheet.definitions {
            let colors = definition.basic
            #expect((-1...7).contains(colors.foreground) && (-1...7).contains(colors.background), "\(definition.key)")
            let extended = definition.extended
            #expect((-1...255).contains(extended.foreground) && (-1...255).contains(extended.background), "\(definition.key)")
        }
    }

    @Test func roleKeysAreStable() {
        #expect(sheet.roles.count == 29)
        #expect(sheet.role("table.row.selected") == .rowSelected)
        #expect(Set(sheet.definitions.map(\.key)).count == sheet.roles.count)
        #expect(StyleRole.text == .plain, "plain text comes first: a blank cell shows it")
        #expect(Set([StyleRole.border, .borderLive, .spark]) == Set(sheet.roles.filter { sheet[$0].isGraphic }),
                "lines and marks, held to 3:1 contrast")
    }
}
