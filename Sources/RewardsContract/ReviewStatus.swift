/// A review's `status` (contract §5).
public struct ReviewStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let open: ReviewStatus = "open"
    public static let escalated: ReviewStatus = "escalated"
    public static let approved: ReviewStatus = "approved"
}
