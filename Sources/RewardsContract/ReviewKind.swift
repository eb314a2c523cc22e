/// A review's `kind` (contract §5): what the review is about.
public struct ReviewKind: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let reversal: ReviewKind = "reversal"
    public static let payout: ReviewKind = "payout"
}
