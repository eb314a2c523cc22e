import Foundation
import GRDB
import RewardsContract

/// `POST /v1/members`: create or update a member by the club's `externalRef` (contract §10).
/// `name` and `email` are required every time; `payoutReady` and `status` only change when sent.
struct MemberUpsert: Sendable {
    let externalRef: String
    let name: String
    let email: String
    let payoutReady: Bool?
    let status: MemberStatus?

    static let fields: Set<String> = ["externalRef", "name", "email", "payoutReady", "status"]

    static func parse(contentType: String?, body: [UInt8]) throws -> MemberUpsert {
        let object = try JSONObjectBody(contentType: contentType, body: body, allowed: fields)
        let externalRef = try object.requiredString("externalRef", maxLength: 128)
        let name = try object.requiredString("name", maxLength: 500)
        let email = try object.requiredString("email", maxLength: 254)
        guard EmailAddress.isValid(email) else {
            throw JSONObjectBody.fieldError("email", "'email' is not a valid email address.")
        }
        let payoutReady = try object.bool("payoutReady")
        let status = try object.string("status", required: false, maxLength: 32).map(MemberStatus.init(rawValue:))
        if let status, ![MemberStatus.active, .suspended, .deleted].contains(status) {
            throw JSONObjectBody.fieldError("status", "'status' must be active, suspended or deleted.")
        }
        return MemberUpsert(externalRef: externalRef, name: name, email: email, payoutReady: payoutReady,
                            status: status)
    }

    /// The member after the call; an update that changes nothing leaves its version alone.
    func apply(in transaction: StoreTransaction) throws -> APIReply {
        try IntegrationChecks.club(transaction)
        if var member = try existing(in: transaction) {
            let before = member
            member.name = name
            member.email = email
            if let payoutReady { member.payoutReady = payoutReady }
            if let status { Self.setStatus(status, of: &member, at: transaction.stamp) }
            if member != before { try transaction.save(&member) }
            return .object(try member.encodedJSON(with: transaction.encoder))
        }
        var member = Member(id: try transaction.nextId(.member), version: 1, createdAt: transaction.stamp,
                            updatedAt: transaction.stamp, clubId: transaction.club.clubId, externalRef: externalRef,
                            name: name, email: email, status: .active, pointsAvailable: 0, pointsPending: 0,
                            pointsLifetime: 0, payoutReady: payoutReady ?? false, currency: transaction.club.currency)
        if let status { Self.setStatus(status, of: &member, at: transaction.stamp) }
        try transaction.insert(member)
        return .object(try member.encodedJSON(with: transaction.encoder))
    }

    /// Soft-deleted members count: sending their `externalRef` again updates (or restores) them.
    private func existing(in transaction: StoreTransaction) throws -> Member? {
        guard let json = try String.fetchOne(transaction.db, sql: """
            SELECT json FROM members WHERE externalRef = ? ORDER BY id LIMIT 1
            """, arguments: [externalRef]) else { return nil }
        return try JSONDecoder().decode(Member.self, from: Data(json.utf8))
    }

    private static func setStatus(_ status: MemberStatus, of member: inout Member, at stamp: Timestamp) {
        guard member.status != status else { return }
        member.status = status
        member.deletedAt = status == .deleted ? stamp : nil
    }
}

/// A practical email check: one `@`, a non-empty local part, a dotted domain, and no spaces or
/// control characters. It refuses what a form would, not every address RFC 5322 allows.
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...64).contains(parts[0].utf8.count), (3...253).contains(parts[1].utf8.count),
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }
}
