/// One role as an app declares it.
public struct RoleDefinition: Hashable, Sendable {
    /// Its theme key, dotted and helix-like (`table.row.selected`): a theme styles the role by
    /// this key or, failing that, by its longest prefix that the theme names.
    public var key: String
    /// Its look without a theme, on 8/16-colour terminals and on 256-colour ones.
    public var basic: RoleColors
    public var extended: RoleColors
    /// Its look without colour: attributes alone must still tell the roles apart.
    public var monochrome: TextAttributes
    /// Lines and marks (borders, sparklines) rather than words: 3:1 contrast suffices.
    public var isGraphic: Bool

    public init(_ key: String, basic: RoleColors, extended: RoleColors? = nil, monochrome: TextAttributes = [],
                isGraphic: Bool = false) {
        self.key = key
        self.basic = basic
        self.extended = extended ?? basic
        self.monochrome = monochrome
        self.isGraphic = isGraphic
    }
}

/// Every role an app draws with, in one table; its first is plain text (`StyleRole.plain`).
/// A terminal and a theme style each role of it, so none can be missing.
public struct StyleSheet: Hashable, Sendable {
    public let definitions: [RoleDefinition]
    private let indexByKey: [String: UInt16]

    public init(_ definitions: [RoleDefinition]) {
        precondition(!definitions.isEmpty && definitions.count <= Int(UInt16.max), "a style sheet holds 1 to 65535 roles")
        var indexByKey: [String: UInt16] = [:]
        for (index, definition) in definitions.enumerated() {
            precondition(indexByKey[definition.key] == nil, "style key \(definition.key) is declared twice")
            indexByKey[definition.key] = UInt16(index)
        }
        self.definitions = definitions
        self.indexByKey = indexByKey
    }

    public var roles: [StyleRole] { definitions.indices.map { StyleRole(index: UInt16($0)) } }

    /// A role of another sheet reads as plain text.
    public subscript(role: StyleRole) -> RoleDefinition {
        definitions.indices.contains(Int(role.index)) ? definitions[Int(role.index)] : definitions[0]
    }

    /// The role declared with this key; nil when there is none.
    public func role(_ key: String) -> StyleRole? { indexByKey[key].map(StyleRole.init(index:)) }
}

/// A role's colours as curses numbers: 0–7 (or 0–255 on a 256-colour terminal), -1 for the
/// terminal's own default, which keeps the user's background and transparency.
public struct RoleColors: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var attributes: TextAttributes

    public init(foreground: Int, background: Int, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
