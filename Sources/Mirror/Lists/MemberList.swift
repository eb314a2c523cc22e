/// Which members the Members pane lists (`membersWindow`).
public struct MemberFilter: Sendable, Hashable {
    /// Matches name, e-mail, external ref or id: the trigram index from three characters on.
    public var text: String
    public var includeDeleted: Bool
    public init(text: String = "", includeDeleted: Bool = false) { self.text = text; self.includeDeleted = includeDeleted }
}
