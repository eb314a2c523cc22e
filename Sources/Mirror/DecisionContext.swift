import Foundation
import GRDB
import RewardsContract

/// What the queue and redemption windows read beside each row so that a decision can say
/// before it is sent what it will do, and when the platform will refuse it: only the rows on
/// screen pay for it, each through an index.
extension ReviewRow {
    /// The payout review's redemption status and whether a reversal of the subject is in the
    /// member's ledger (the ledger is fetched on demand, so it may not be there at all).
    static let subjectColumns = """
        (SELECT s.status FROM redemptions s WHERE s.id = v.subjectRef AND v.kind = 'payout') AS subjectStatus, \
        EXISTS (SELECT 1 FROM ledger l WHERE l.memberId = v.memberId AND l.kind = 'reversal' \
        AND l.externalTransactionId = v.subjectRef AND v.kind = 'reversal') AS reversalPosted
        """

    init(row: Row) {
        self.init(review: Review(row: row), memberName: row["memberName"], member: MemberStanding(row: row),
                  subjectStatus: (row["subjectStatus"] as String?).map(RedemptionStatus.init(rawValue:)),
                  reversalPosted: row["reversalPosted"] ?? false)
    }
}

extension MemberStanding {
    /// From the `memberAvailable` and `memberPayoutReady` columns; nil when the member is not
    /// in the mirror.
    init?(row: Row) {
        guard let available: Int = row["memberAvailable"], let ready: Bool = row["memberPayoutReady"] else { return nil }
        self.init(pointsAvailable: available, payoutReady: ready)
    }

    public init(_ member: Member) {
        self.init(pointsAvailable: member.pointsAvailable, payoutReady: member.payoutReady)
    }
}

extension MirrorStore {
    /// The platform's minimum cash value of a redemption, as far as the mirror has seen it: the
    /// contract does not publish it, but a `minimum_redemption` refusal may state it in its
    /// details. Nil when no such refusal said.
    public func knownMinimumRedemption() throws -> Int? {
        try pool.read { db in try Self.knownMinimumRedemption(db) }
    }

    static func knownMinimumRedemption(_ db: Database) throws -> Int? {
        let statement = try db.cachedStatement(sql: """
            SELECT details FROM request_logs WHERE code = 'minimum_redemption' AND details IS NOT NULL
            ORDER BY atEpoch DESC LIMIT 5
            """)
        for text in try String.fetchAll(statement) {
            guard let details = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { continue }
            for key in ["minimumMinor", "minimumRedemptionMinor", "minimumCashValueMinor"] {
                if let value = details[key]?.intValue, value > 0 { return value }
            }
        }
        return nil
    }
}
