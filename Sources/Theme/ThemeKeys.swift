import Terminal

/// The keys a theme may define and the order in which a role looks them up.
enum ThemeKeys {
    /// Not a role: the screen's background, used by every role that sets no `bg`.
    static let background = "ui.background"
    static let text = StyleRole.text.rawValue

    /// Every role, every dotted prefix of a role (`table.row`, `table`, `queue.status`),
    /// and `ui.background`. Anything else is a typo that would silently do nothing.
    static let known: Set<String> = {
        var keys: Set<String> = [background]
        for role in StyleRole.allCases { keys.formUnion(prefixes(of: role.rawValue)) }
        return keys
    }()

    /// `table.row.selected` → `table.row.selected`, `table.row`, `table`.
    static func prefixes(of key: String) -> [String] {
        var parts = key.split(separator: ".", omittingEmptySubsequences: false)
        var result: [String] = []
        while !parts.isEmpty {
            result.append(parts.joined(separator: "."))
            parts.removeLast()
        }
        return result
    }

    /// Where a role's foreground, modifiers and monochrome form are looked up, first
    /// match wins: the exact key, its prefixes longest first, then `ui.text`.
    static func lookupOrder(for role: StyleRole) -> [String] {
        var keys = prefixes(of: role.rawValue)
        if !keys.contains(text) { keys.append(text) }
        return keys
    }

    /// As `lookupOrder`, then `ui.background`: text with no `bg` sits on the screen's.
    static func backgroundLookupOrder(for role: StyleRole) -> [String] {
        lookupOrder(for: role) + [background]
    }
}
