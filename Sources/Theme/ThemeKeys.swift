import Terminal

/// The keys a theme may define and the order in which a role looks them up.
enum ThemeKeys {
    /// Not a role: the screen's background, used by every role that sets no `bg`.
    static let background = "ui.background"
    /// The key of the sheet's first role, plain text: every role falls back to it.
    static func text(_ sheet: StyleSheet) -> String { sheet[.plain].key }

    /// Every role, every dotted prefix of a role (`table.row`, `table`, `queue.status`),
    /// and `ui.background`. Anything else is a typo that would silently do nothing.
    static func known(_ sheet: StyleSheet) -> Set<String> {
        var keys: Set<String> = [background]
        for definition in sheet.definitions { keys.formUnion(prefixes(of: definition.key)) }
        return keys
    }

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
    /// match wins: the exact key, its prefixes longest first, then plain text (`ui.text`).
    static func lookupOrder(for role: StyleRole, in sheet: StyleSheet) -> [String] {
        var keys = prefixes(of: sheet[role].key)
        let text = text(sheet)
        if !keys.contains(text) { keys.append(text) }
        return keys
    }

    /// As `lookupOrder`, then `ui.background`: text with no `bg` sits on the screen's.
    static func backgroundLookupOrder(for role: StyleRole, in sheet: StyleSheet) -> [String] {
        lookupOrder(for: role, in: sheet) + [background]
    }
}
