/// A member's `status` (contract §5).
public struct MemberStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let active: MemberStatus = "active"
    public static let suspended: MemberStatus = "suspended"
    public static let deleted: MemberStatus = "deleted"
}
