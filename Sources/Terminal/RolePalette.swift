/// Attributes a role asks for, independent of curses so the mapping is testable.
/// Public because resolved themes (`RoleStyle`) carry them.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// Built-in dark palette, used when no theme palette is given (the `default` theme
/// reproduces it, see themes/default.toml). Colour -1 is the terminal's own
/// default, which keeps the user's background and transparency.
struct RoleColors: Hashable, Sendable {
    var foreground: Int
    var background: Int
    var attributes: TextAttributes = []
}

enum RolePalette {
    private static let black = 0, red = 1, green = 2, yellow = 3, blue = 4, magenta = 5, cyan = 6, white = 7
    private static let none = -1

    /// Colours safe on 8/16-colour terminals.
    static func basic(_ role: StyleRole) -> RoleColors {
        switch role {
        case .text, .row: return RoleColors(foreground: none, background: none)
        case .textDim: return RoleColors(foreground: none, background: none, attributes: .dim)
        case .title: return RoleColors(foreground: cyan, background: none, attributes: .bold)
        case .border: return RoleColors(foreground: blue, background: none)
        case .borderLive: return RoleColors(foreground: red, background: none, attributes: .bold)
        case .tab: return RoleColors(foreground: none, background: none)
        case .tabActive: return RoleColors(foreground: black, background: cyan, attributes: .bold)
        case .statusBar: return RoleColors(foreground: black, background: white)
        case .tableHeader: return RoleColors(foreground: yellow, background: none, attributes: .bold)
        case .rowSelected: return RoleColors(foreground: black, background: cyan)
        case .rowMarked: return RoleColors(foreground: magenta, background: none, attributes: .bold)
        case .badgeTest: return RoleColors(foreground: black, background: yellow, attributes: .bold)
        case .badgeLive: return RoleColors(foreground: white, background: red, attributes: .bold)
        case .ok: return RoleColors(foreground: green, background: none)
        case .warn: return RoleColors(foreground: yellow, background: none)
        case .error: return RoleColors(foreground: red, background: none, attributes: .bold)
        case .pending: return RoleColors(foreground: cyan, background: none)
        case .dialog: return RoleColors(foreground: white, background: blue)
        case .dialogTitle: return RoleColors(foreground: yellow, background: blue, attributes: .bold)
        case .dialogButton: return RoleColors(foreground: white, background: blue)
        case .dialogButtonFocus: return RoleColors(foreground: black, background: white, attributes: .bold)
        case .queueOpen: return RoleColors(foreground: yellow, background: none)
        case .queueEscalated: return RoleColors(foreground: red, background: none, attributes: .bold)
        case .queueApproved: return RoleColors(foreground: green, background: none)
        case .logCode: return RoleColors(foreground: cyan, background: none)
        case .spark: return RoleColors(foreground: green, background: none)
        case .help: return RoleColors(foreground: none, background: none)
        case .input: return RoleColors(foreground: white, background: black, attributes: .underline)
        }
    }

    /// Finer shades for terminals with at least 256 colours.
    static func extended(_ role: StyleRole) -> RoleColors {
        switch role {
        case .textDim: return RoleColors(foreground: 244, background: none)
        case .title: return RoleColors(foreground: 81, background: none, attributes: .bold)
        case .border: return RoleColors(foreground: 240, background: none)
        case .borderLive: return RoleColors(foreground: 203, background: none, attributes: .bold)
        case .tab: return RoleColors(foreground: 250, background: 236)
        case .tabActive: return RoleColors(foreground: 16, background: 81, attributes: .bold)
        case .statusBar: return RoleColors(foreground: 252, background: 237)
        case .tableHeader: return RoleColors(foreground: 222, background: none, attributes: .bold)
        case .rowSelected: return RoleColors(foreground: 231, background: 25)
        case .rowMarked: return RoleColors(foreground: 177, background: none, attributes: .bold)
        case .badgeTest: return RoleColors(foreground: 16, background: 221, attributes: .bold)
        case .badgeLive: return RoleColors(foreground: 231, background: 160, attributes: .bold)
        case .ok: return RoleColors(foreground: 114, background: none)
        case .warn: return RoleColors(foreground: 221, background: none)
        case .error: return RoleColors(foreground: 203, background: none, attributes: .bold)
        case .pending: return RoleColors(foreground: 117, background: none)
        case .dialog: return RoleColors(foreground: 252, background: 236)
        case .dialogTitle: return RoleColors(foreground: 222, background: 236, attributes: .bold)
        case .dialogButton: return RoleColors(foreground: 252, background: 239)
        case .dialogButtonFocus: return RoleColors(foreground: 16, background: 81, attributes: .bold)
        case .queueOpen: return RoleColors(foreground: 221, background: none)
        case .queueEscalated: return RoleColors(foreground: 203, background: none, attributes: .bold)
        case .queueApproved: return RoleColors(foreground: 114, background: none)
        case .logCode: return RoleColors(foreground: 110, background: none)
        case .spark: return RoleColors(foreground: 78, background: none)
        case .help: return RoleColors(foreground: 250, background: none)
        case .input: return RoleColors(foreground: 255, background: 238)
        case .text, .row: return basic(role)
        }
    }

    /// Without colour, roles must still be told apart by attributes alone.
    static func monochrome(_ role: StyleRole) -> TextAttributes {
        switch role {
        case .rowSelected, .tabActive, .dialogButtonFocus, .statusBar, .badgeTest: return .reverse
        case .badgeLive: return [.reverse, .bold]
        case .title, .tableHeader, .dialogTitle, .borderLive, .error, .queueEscalated, .rowMarked: return .bold
        case .textDim, .border, .pending, .help: return .dim
        case .input: return .underline
        case .text, .tab, .row, .ok, .warn, .dialog, .dialogButton,
             .queueOpen, .queueApproved, .logCode, .spark:
            return []
        }
    }
}
