import Terminal

/// Roles for the terminal's own tests: Terminal knows none by name, so these stand in for an
/// app's (their places in a sheet; the keys do not matter here).
extension StyleRole {
    static let text = StyleRole.plain
    static let title = StyleRole(index: 1)
    static let rowSelected = StyleRole(index: 2)
    static let ok = StyleRole(index: 3)
    static let dialog = StyleRole(index: 4)
    static let statusBar = StyleRole(index: 5)
}
