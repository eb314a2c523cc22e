import GRDB
import RewardsContract

/// Checks that several integration endpoints begin with.
enum IntegrationChecks {
    /// 404 `partner_not_found` when the club record is gone (seed 002), and the settings otherwise.
    @discardableResult
    static func club(_ transaction: StoreTransaction) throws -> ClubSettings {
        let settings = try transaction.settings()
        guard settings.exists else {
            throw APIError(.partnerNotFound, "The club record no longer exists.",
                           details: .object(["clubId": .string(transaction.club.clubId)]))
        }
        return settings
    }

    /// A member that may earn and redeem: 404 `cardholder_not_found` when it does not exist or
    /// is soft-deleted (a deleted card no longer takes part in the programme).
    static func activeMember(_ id: String, in transaction: StoreTransaction) throws -> Member {
        guard let member = try transaction.load(Member.self, id: id), member.status != .deleted else {
            throw APIError(.cardholderNotFound, "No member with this id exists in the club.",
                           details: .object(["memberId": .string(id)]))
        }
        return member
    }

    static func redemption(_ id: String, in transaction: StoreTransaction) throws -> Redemption {
        guard let redemption = try transaction.load(Redemption.self, id: id) else {
            throw APIError(.redemptionNotFound, "No redemption with this id exists.",
                           details: .object(["redemptionId": .string(id)]))
        }
        return redemption
    }

    /// A JSON object of the reply, encoded as stored objects are (sorted keys).
    static func reply<T: Encodable>(_ value: T, in transaction: StoreTransaction) throws -> APIReply {
        .object(try JSONText.encode(value, with: transaction.encoder))
    }
}
