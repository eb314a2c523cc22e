import RewardsContract
import Sandbox

/// The club's ordinary business, by weight.
enum TrafficFlow: CaseIterable, Sendable {
    case signUp, updateMember, settle, reverse, reverseSpent, redeem, payout, cancel, erase

    static let weights: [(TrafficFlow, Int)] = [
        (.signUp, 8), (.updateMember, 6), (.settle, 30), (.reverse, 4), (.reverseSpent, 3), (.redeem, 14),
        (.payout, 16), (.cancel, 2), (.erase, 1),
    ]
}

extension TrafficGenerator {
    func perform(_ flow: TrafficFlow, tag: String, using rng: inout SeededGenerator) async throws {
        switch flow {
        case .signUp: await signUp(tag: tag, using: &rng)
        case .updateMember: try await updateMember(tag: tag, using: &rng)
        case .settle: try await settle(tag: tag, using: &rng)
        case .reverse: try await reverse(tag: tag, using: &rng)
        case .reverseSpent: try await reverseSpent(tag: tag, using: &rng)
        case .redeem: try await redeem(tag: tag, using: &rng)
        case .payout: try await payout(tag: tag, using: &rng)
        case .cancel: try await cancel(tag: tag, using: &rng)
        case .erase: try await erase(tag: tag, using: &rng)
        }
    }

    /// A new member from the club's web sign-up.
    func signUp(tag: String, using rng: inout SeededGenerator) async {
        let index = rng.next() % 1_000_000
        let answer = await post("/v1/members", [
            "externalRef": .string("WEB-\(tag)"),
            "name": .string(NameCatalog.name(index: index, using: &rng)),
            "email": .string(NameCatalog.email(index: index, memberSuffix: rng.alphanumerics(6).lowercased(), using: &rng)),
            "payoutReady": .bool(rng.chance(0.75)),
        ], tag: tag)
        if answer.status == 200, let id = answer.data?["id"]?.stringValue { memory.remember(signedUp: id) }
    }

    /// The CRM sends a member's new email, name or payout details.
    func updateMember(tag: String, using rng: inout SeededGenerator) async throws {
        guard let member = try await picks.member(using: &rng) else { return await signUp(tag: tag, using: &rng) }
        var fields: [String: JSONValue] = [
            "externalRef": .string(member.externalRef), "name": .string(member.name), "email": .string(member.email),
        ]
        switch rng.next() % 3 {
        case 0: fields["name"] = .string(NameCatalog.name(index: rng.next() % 1_000_000, using: &rng))
        case 1:
            fields["email"] = .string(NameCatalog.email(index: rng.next() % 1000,
                                                        memberSuffix: rng.alphanumerics(6).lowercased(), using: &rng))
        default: fields["payoutReady"] = .bool(true)
        }
        await post("/v1/members", fields, tag: tag)
    }

    /// A purchase the shop settled.
    func settle(tag: String, using rng: inout SeededGenerator) async throws {
        guard let member = try await picks.member(using: &rng) else { return }
        await settle(member: member.id, amountMinor: Int.random(in: 200...30_000, using: &rng), tag: tag)
    }

    @discardableResult
    func settle(member: String, amountMinor: Int, tag: String) async -> TrafficClient.Answer {
        let id = "POS-\(tag)"
        let answer = await post("/v1/transactions/settled", Self.settlement(id, member: member, amountMinor: amountMinor,
                                                                           currency: currency), tag: tag)
        if answer.status == 200 {
            memory.remember(TrafficMemory.Settled(externalTransactionId: id, memberId: member, amountMinor: amountMinor))
        }
        return answer
    }

    static func settlement(_ id: String, member: String, amountMinor: Int, currency: String) -> [String: JSONValue] {
        ["externalTransactionId": .string(id), "memberId": .string(member),
         "transaction": .object(["amountMinor": .int(Int64(amountMinor)), "currency": .string(currency)])]
    }

    /// A refund: the earn is taken back while the member still has the points.
    func reverse(tag: String, using rng: inout SeededGenerator) async throws {
        let settings = try await picks.settings()
        guard let member = try await picks.memberWithPoints(using: &rng),
              let earn = try await picks.reversibleEarn(of: member, spent: false,
                                                        windowDays: settings.reversalWindowDays) else {
            return try await settle(tag: tag, using: &rng)
        }
        let answer = await post("/v1/reversals", ["externalTransactionId": .string(earn)], tag: tag)
        if answer.status == 200 { memory.remember(reversed: earn) }
    }

    /// A refund of a purchase whose points were redeemed since: the platform answers 422
    /// `manual_review_required` and opens a reversal review. When no such earn exists, the
    /// step makes one: a purchase, then a redemption of most of the points, then the refund.
    func reverseSpent(tag: String, using rng: inout SeededGenerator) async throws {
        let settings = try await picks.settings()
        if let member = try await picks.member(using: &rng),
           let earn = try await picks.reversibleEarn(of: member, spent: true, windowDays: settings.reversalWindowDays) {
            await post("/v1/reversals", ["externalTransactionId": .string(earn)], tag: tag)
            return
        }
        guard let member = try await picks.payableMember(atLeast: 0, using: &rng) else { return }
        let settled = await settle(member: member.id, amountMinor: Int.random(in: 5_000...40_000, using: &rng), tag: tag)
        guard settled.status == 200, let points = settled.data?["points"]?.intValue,
              let available = settled.data?["pointsAvailable"]?.intValue else { return }
        let spend = min(available - points / 2, settings.maximumRedemptionMinor)
        guard spend >= 100 else { return }
        await post("/v1/redemptions", ["memberId": .string(member.id), "points": .int(Int64(spend))], tag: tag)
        await post("/v1/reversals", ["externalTransactionId": .string("POS-\(tag)")], tag: tag)
    }

    /// A member cashes in points; some requests are above the approval threshold.
    func redeem(tag: String, using rng: inout SeededGenerator) async throws {
        let settings = try await picks.settings()
        guard let member = try await picks.payableMember(atLeast: 100, using: &rng) else { return }
        let most = min(member.pointsAvailable, 8_000)
        let threshold = max(100, settings.approvalThresholdPoints)
        let points = rng.chance(0.3) && most > threshold
            ? Int.random(in: (threshold + 1)...most, using: &rng)
            : Int.random(in: 100...min(most, threshold), using: &rng)
        var fields: [String: JSONValue] = ["memberId": .string(member.id), "points": .int(Int64(points))]
        let requestId = "RQ-\(tag)"
        let named = rng.chance(0.7)
        if named { fields["externalRequestId"] = .string(requestId) }
        let answer = await post("/v1/redemptions", fields, tag: tag)
        if named, answer.status == 200 {
            memory.remember(TrafficMemory.Requested(externalRequestId: requestId, memberId: member.id, points: points))
        }
    }

    /// The payout provider reports an attempt. One redemption in five is troubled and always
    /// fails, so that three failures open a `repeated_payout_failure` review.
    func payout(tag: String, using rng: inout SeededGenerator) async throws {
        guard let redemption = try await picks.redemption(statuses: [.reserved, .payoutFailed], unreviewed: true,
                                                          using: &rng) else { return }
        let troubled = Mix64.hash(redemption.id) % 5 == 0
        var fields: [String: JSONValue] = ["outcome": .string("succeeded")]
        if troubled || rng.chance(0.1) {
            let failure = rng.pick(InitialDataGenerator.payoutErrors)
            fields = ["outcome": .string("failed"), "failureCode": .string(failure.code.rawValue),
                      "failureMessage": .string(failure.message)]
        }
        await post("/v1/redemptions/\(redemption.id)/payouts", fields, tag: tag)
    }

    /// The member changes their mind before the payout.
    func cancel(tag: String, using rng: inout SeededGenerator) async throws {
        guard let redemption = try await picks.redemption(statuses: [.pendingApproval, .reserved], using: &rng) else {
            return
        }
        await post("/v1/redemptions/\(redemption.id)/cancel", [:], tag: tag)
    }

    /// A data erasure request for a member the generator signed up itself.
    func erase(tag: String, using rng: inout SeededGenerator) async throws {
        guard let memberId = memory.takeSignedUp(rng.next()) else { return await signUp(tag: tag, using: &rng) }
        await post("/v1/members/\(memberId)/erase", [:], tag: tag)
    }
}
