import Mirror
import RewardsContract

/// The member detail view: what the mirror holds about one member, and whether its ledger
/// (fetched on demand, it is not in the feed) is being fetched.
public struct MemberDetailState: Sendable, Hashable {
    public enum LedgerStatus: Sendable, Hashable {
        case fetching
        case fetched
        case failed(String)
    }

    public var memberId: String
    public var detail: MemberDetail?
    public var ledgerStatus: LedgerStatus = .fetching
    public var scroll = 0
    public var missing = false
    /// The fetch finished; the ledger counts as fetched once the mirror has been read again.
    public var ledgerArrived = false

    public init(memberId: String) { self.memberId = memberId }

    /// Ledger rows with the balance after each, newest first. With the whole ledger the
    /// balance is summed from the oldest entry; with only the newest part it is worked back
    /// from today's available balance.
    public func ledgerWithBalance(limit: Int) -> [(entry: LedgerEntry, balance: Int)] {
        guard let detail else { return [] }
        let entries = detail.ledger
        var result: [(LedgerEntry, Int)] = []
        if entries.count < limit {
            var running = entries.reduce(0) { $0 + $1.points }
            for entry in entries {
                result.append((entry, running))
                running -= entry.points
            }
        } else {
            var running = detail.member.pointsAvailable
            for entry in entries {
                result.append((entry, running))
                running -= entry.points
            }
        }
        return result
    }

    /// Whether the ledger explains the available balance (only knowable with all of it).
    public func ledgerSum(limit: Int) -> Int? {
        guard let detail, detail.ledger.count < limit else { return nil }
        return detail.ledger.reduce(0) { $0 + $1.points }
    }
}
