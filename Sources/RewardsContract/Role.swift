/// A key's role (contract §1).
public struct Role: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let ops: Role = "ops"
    public static let support: Role = "support"
    /// Only `ops` may decide; an unknown role is treated as read only.
    public var mayDecide: Bool { self == .ops }
}
