import Console
import Terminal
import Theme

/// `:theme NAME` reads the user's theme directory and the shipped themes.
extension ThemeLoader: ThemeCatalog {
    public var names: [String] { availableNames() }

    public func palette(named name: String) throws -> TerminalPalette { try load(name).palette }
}
