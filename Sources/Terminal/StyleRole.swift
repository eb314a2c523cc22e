/// What a piece of text means on screen. Terminal knows no role by name: an app declares its
/// roles once, in a `StyleSheet` (each with its theme key and its look without a theme), and a
/// role is its place in that sheet, so a cell stays small and comparing or looking up a role
/// is an integer operation.
public struct StyleRole: Hashable, Sendable {
    public let index: UInt16

    public init(index: UInt16) { self.index = index }

    /// The first role of every sheet: plain text, what a blank cell shows.
    public static let plain = StyleRole(index: 0)
}
