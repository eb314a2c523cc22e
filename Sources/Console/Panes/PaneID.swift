/// Names a pane. Each pane declares its own (`PaneID.members` in Panes/Members); the tab
/// order is `PaneTable.all`.
public struct PaneID: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }
}
