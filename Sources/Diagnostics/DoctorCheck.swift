/// One line of `rewards-ops doctor`: what was checked, how it went, and what to do.
public struct DoctorCheck: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case ok
        case warn
        case fail
    }

    public var name: String
    public var status: Status
    public var detail: String
    /// What to do about a warn or fail.
    public var fix: String?

    public init(_ name: String, _ status: Status, _ detail: String, fix: String? = nil) {
        self.name = name; self.status = status; self.detail = detail; self.fix = fix
    }
}
