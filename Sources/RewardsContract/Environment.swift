/// The environment of a server and of a key (contract §1).
public struct Environment: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let test: Environment = "test"
    public static let live: Environment = "live"
}
