/// A ledger entry's `kind` (contract §5).
public struct LedgerKind: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let earn: LedgerKind = "earn"
    public static let reversal: LedgerKind = "reversal"
    public static let redemption: LedgerKind = "redemption"
    public static let redemptionRelease: LedgerKind = "redemption_release"
    public static let expiry: LedgerKind = "expiry"
    public static let adjustment: LedgerKind = "adjustment"
}
