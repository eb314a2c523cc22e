import Terminal

/// Every style the console draws with, declared once: its theme key, its colours without a
/// theme (the `default` theme reproduces them) and its form without colour. A new style is a
/// line in `sheet` and its name in the extension below; a theme styles it by its key or the
/// longest prefix it names, so the shipped themes need a line only where that fallback does
/// not suit.
public enum ConsoleStyles {
    public static let sheet = StyleSheet([
        RoleDefinition("ui.text", basic: .init(none, on: none)),
        RoleDefinition("ui.text.dim", basic: .init(none, on: none, .dim), extended: .init(244, on: none), monochrome: .dim),
        RoleDefinition("ui.title", basic: .init(cyan, on: none, .bold), extended: .init(81, on: none, .bold), monochrome: .bold),
        RoleDefinition("ui.border", basic: .init(blue, on: none), extended: .init(240, on: none), monochrome: .dim, isGraphic: true),
        RoleDefinition("ui.border.live", basic: .init(red, on: none, .bold), extended: .init(203, on: none, .bold), monochrome: .bold, isGraphic: true),
        RoleDefinition("ui.tab", basic: .init(none, on: none), extended: .init(250, on: 236)),
        RoleDefinition("ui.tab.active", basic: .init(black, on: cyan, .bold), extended: .init(16, on: 81, .bold), monochrome: .reverse),
        RoleDefinition("ui.statusbar", basic: .init(black, on: white), extended: .init(252, on: 237), monochrome: .reverse),
        RoleDefinition("table.header", basic: .init(yellow, on: none, .bold), extended: .init(222, on: none, .bold), monochrome: .bold),
        RoleDefinition("table.row", basic: .init(none, on: none)),
        RoleDefinition("table.row.selected", basic: .init(black, on: cyan), extended: .init(231, on: 25), monochrome: .reverse),
        RoleDefinition("table.row.marked", basic: .init(magenta, on: none, .bold), extended: .init(177, on: none, .bold), monochrome: .bold),
        RoleDefinition("badge.test", basic: .init(black, on: yellow, .bold), extended: .init(16, on: 221, .bold), monochrome: .reverse),
        RoleDefinition("badge.live", basic: .init(white, on: red, .bold), extended: .init(231, on: 160, .bold), monochrome: [.reverse, .bold]),
        RoleDefinition("status.ok", basic: .init(green, on: none), extended: .init(114, on: none)),
        RoleDefinition("status.warn", basic: .init(yellow, on: none), extended: .init(221, on: none)),
        RoleDefinition("status.error", basic: .init(red, on: none, .bold), extended: .init(203, on: none, .bold), monochrome: .bold),
        RoleDefinition("status.pending", basic: .init(cyan, on: none), extended: .init(117, on: none), monochrome: .dim),
        RoleDefinition("dialog", basic: .init(white, on: blue), extended: .init(252, on: 236)),
        RoleDefinition("dialog.title", basic: .init(yellow, on: blue, .bold), extended: .init(222, on: 236, .bold), monochrome: .bold),
        RoleDefinition("dialog.button", basic: .init(white, on: blue), extended: .init(252, on: 239)),
        RoleDefinition("dialog.button.focus", basic: .init(black, on: white, .bold), extended: .init(16, on: 81, .bold), monochrome: .reverse),
        RoleDefinition("queue.status.open", basic: .init(yellow, on: none), extended: .init(221, on: none)),
        RoleDefinition("queue.status.escalated", basic: .init(red, on: none, .bold), extended: .init(203, on: none, .bold), monochrome: .bold),
        RoleDefinition("queue.status.approved", basic: .init(green, on: none), extended: .init(114, on: none)),
        RoleDefinition("log.code", basic: .init(cyan, on: none), extended: .init(110, on: none)),
        RoleDefinition("chart.spark", basic: .init(green, on: none), extended: .init(78, on: none), isGraphic: true),
        RoleDefinition("ui.help", basic: .init(none, on: none), extended: .init(250, on: none), monochrome: .dim),
        RoleDefinition("ui.input", basic: .init(white, on: black, .underline), extended: .init(255, on: 238), monochrome: .underline),
    ])

    /// The role declared with `key`; a key missing from the sheet is a programming error.
    static func role(_ key: String) -> StyleRole {
        guard let role = sheet.role(key) else { preconditionFailure("style \(key) is not in ConsoleStyles.sheet") }
        return role
    }
}

/// The console's names for its roles.
extension StyleRole {
    public static let text = ConsoleStyles.role("ui.text")
    public static let textDim = ConsoleStyles.role("ui.text.dim")
    public static let title = ConsoleStyles.role("ui.title")
    public static let border = ConsoleStyles.role("ui.border")
    public static let borderLive = ConsoleStyles.role("ui.border.live")
    public static let tab = ConsoleStyles.role("ui.tab")
    public static let tabActive = ConsoleStyles.role("ui.tab.active")
    public static let statusBar = ConsoleStyles.role("ui.statusbar")
    public static let tableHeader = ConsoleStyles.role("table.header")
    public static let row = ConsoleStyles.role("table.row")
    public static let rowSelected = ConsoleStyles.role("table.row.selected")
    public static let rowMarked = ConsoleStyles.role("table.row.marked")
    public static let badgeTest = ConsoleStyles.role("badge.test")
    public static let badgeLive = ConsoleStyles.role("badge.live")
    public static let ok = ConsoleStyles.role("status.ok")
    public static let warn = ConsoleStyles.role("status.warn")
    public static let error = ConsoleStyles.role("status.error")
    public static let pending = ConsoleStyles.role("status.pending")
    public static let dialog = ConsoleStyles.role("dialog")
    public static let dialogTitle = ConsoleStyles.role("dialog.title")
    public static let dialogButton = ConsoleStyles.role("dialog.button")
    public static let dialogButtonFocus = ConsoleStyles.role("dialog.button.focus")
    public static let queueOpen = ConsoleStyles.role("queue.status.open")
    public static let queueEscalated = ConsoleStyles.role("queue.status.escalated")
    public static let queueApproved = ConsoleStyles.role("queue.status.approved")
    public static let logCode = ConsoleStyles.role("log.code")
    public static let spark = ConsoleStyles.role("chart.spark")
    public static let help = ConsoleStyles.role("ui.help")
    public static let input = ConsoleStyles.role("ui.input")
}

/// The eight colours of a basic terminal, and its own default (-1), by name.
private let black = 0, red = 1, green = 2, yellow = 3, blue = 4, magenta = 5, cyan = 6, white = 7, none = -1

extension RoleColors {
    fileprivate init(_ foreground: Int, on background: Int, _ attributes: TextAttributes = []) {
        self.init(foreground: foreground, background: background, attributes: attributes)
    }
}
