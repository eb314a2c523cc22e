import Foundation
import RewardsContract

/// The sandbox's starting data. Each member's objects come from a generator seeded by
/// (seed, member index) alone, so batches can be generated in any order or in parallel and
/// still give the same data; only timestamps move with the start time.
package struct InitialDataGenerator: Sendable {
    let seed: UInt64
    let club: ClubIdentity
    let ids: IdentifierScheme
    let now: Date
    /// Who took the decisions (approvals, escalations) the generated data starts with.
    let deciderKeyId: String

    func batch<Indices: Collection<UInt64>>(members indices: Indices) -> GeneratedBatch {
        var batch = GeneratedBatch()
        batch.members.reserveCapacity(indices.count)
        batch.ledger.reserveCapacity(indices.count * 4)
        for index in indices { generateMember(index: index, into: &batch) }
        return batch
    }

    /// Member indices in the byte order of their ids. Generating in this order makes the
    /// bulk load append to the member and ledger B-trees instead of inserting at random places.
    func indicesInIdOrder(count: UInt64) -> [UInt64] {
        let salt = ids.salt(.member)
        return (0..<count).map { (key: Mix64.mix($0 &+ salt), index: $0) }.sorted { $0.key < $1.key }.map(\.index)
    }

    private struct Slots {
        let base: UInt64
        let capacity: UInt64
        var used: UInt64 = 0
        var upcoming: UInt64? { used < capacity ? base + used : nil }
        mutating func next() -> UInt64? {
            guard used < capacity else { return nil }
            defer { used += 1 }
            return base + used
        }
    }

    private func generateMember(index: UInt64, into batch: inout GeneratedBatch) {
        var rng = SeededGenerator(seed: seed, stream: 1, index: index)
        let digits = Int(index % 3) * 3
        let memberId = ids.id(.member, index: index)
        let suffix = String(memberId.dropFirst(4))
        let age = Double(Int.random(in: 86_400...63_072_000, using: &rng)) + Double(rng.next() % 1000) / 1000
        let createdAt = now.addingTimeInterval(-age)
        var clock = createdAt
        func advance(_ rng: inout SeededGenerator) -> Date {
            let room = now.addingTimeInterval(-60).timeIntervalSince(clock)
            if room > 1 { clock = clock.addingTimeInterval(Double.random(in: 0...(room / 6), using: &rng)) }
            return clock
        }

        var ledgerSlots = Slots(base: index * IdentifierScheme.ledgerSlotsPerMember,
                                capacity: IdentifierScheme.ledgerSlotsPerMember)
        var redemptionSlots = Slots(base: index * IdentifierScheme.redemptionSlotsPerMember,
                                    capacity: IdentifierScheme.redemptionSlotsPerMember)
        var balance = 0, lifetime = 0
        var earns: [LedgerEntry] = []
        func post(_ kind: LedgerKind, _ points: Int, transaction: String? = nil, redemption: String? = nil,
                  _ rng: inout SeededGenerator) {
            guard let slot = ledgerSlots.next() else { return }
            let entry = LedgerEntry(id: ids.id(.ledger, index: slot), memberId: memberId, kind: kind, points: points,
                                    externalTransactionId: transaction, redemptionId: redemption,
                                    createdAt: Timestamp(advance(&rng), fractionalDigits: digits))
            batch.ledger.append(entry)
            balance += points
            if kind == .earn { lifetime += points; earns.append(entry) }
        }
        func earn(_ points: Int, _ rng: inout SeededGenerator) {
            // The transaction id names its member and slot: unique, and `EarnRecords` finds a
            // generated earn through its member's ledger rather than through millions of rows
            // written at start-up.
            guard ledgerSlots.upcoming != nil else { return }
            post(.earn, points, transaction: EarnRecords.generatedTransactionId(memberSuffix: suffix,
                                                                                slot: ledgerSlots.used), &rng)
        }

        for _ in 0..<Int.random(in: 1...5, using: &rng) { earn(Int.random(in: 50...5000, using: &rng), &rng) }
        if rng.chance(0.08), let reversed = earns.randomElement(using: &rng), reversed.points <= balance {
            post(.reversal, -reversed.points, transaction: reversed.externalTransactionId, &rng)
        }
        if rng.chance(0.05), balance > 10 { post(.expiry, -Int.random(in: 1...min(balance, 500), using: &rng), &rng) }

        let reviewKind: ReviewKind? = rng.chance(0.05) ? (rng.chance(0.6) ? .reversal : .payout) : nil
        var reviewSubject: (ref: String, points: Int, amountMinor: Int)?

        func redeem(_ status: RedemptionStatus, points requested: Int, attempts: Int? = nil,
                    _ rng: inout SeededGenerator) -> Redemption? {
            let points = min(requested, balance) / 100 * 100
            guard points >= 100, let slot = redemptionSlots.next() else { return nil }
            let id = ids.id(.redemption, index: slot)
            let created = Timestamp(advance(&rng), fractionalDigits: digits)
            post(.redemption, -points, redemption: id, &rng)
            if status == .rejected || status == .cancelled { post(.redemptionRelease, points, redemption: id, &rng) }
            let payoutAttempts: Int
            var lastError: RedemptionError?
            switch status {
            case .payoutFailed:
                payoutAttempts = attempts ?? Int.random(in: 1...3, using: &rng)
                lastError = rng.pick(Self.payoutErrors)
            case .paid: payoutAttempts = rng.chance(0.8) ? 1 : 2
            case .escalated: payoutAttempts = Int.random(in: 0...2, using: &rng)
            default: payoutAttempts = 0
            }
            let updated = Timestamp(advance(&rng), fractionalDigits: digits)
            // An escalation is an ops decision: the decider's, as the contract's actions record it.
            let escalatedBy = status == .escalated ? deciderKeyId : nil
            let redemption = Redemption(id: id, version: 1 + payoutAttempts + (status == .pendingApproval ? 0 : 1),
                                        createdAt: created, updatedAt: updated, memberId: memberId, points: points,
                                        cashValueMinor: points, currency: club.currency, status: status,
                                        payoutAttempts: payoutAttempts, lastError: lastError,
                                        lastActionBy: escalatedBy, lastActionAt: escalatedBy == nil ? nil : updated)
            batch.redemptions.append(redemption)
            return redemption
        }

        switch reviewKind {
        case .reversal?:
            // An earn whose points were mostly redeemed since: reversing it needs a person.
            earn(Int.random(in: 2000...8000, using: &rng), &rng)
            if let big = earns.last {
                _ = redeem(.paid, points: balance - Int.random(in: 0...(big.points / 2), using: &rng), &rng)
                reviewSubject = (big.externalTransactionId ?? "", big.points, big.points * 10)
            }
        case .payout?:
            if let failed = redeem(.payoutFailed, points: Int.random(in: 500...3000, using: &rng), attempts: 3, &rng) {
                reviewSubject = (failed.id, failed.points, failed.cashValueMinor)
            }
        default:
            break
        }

        for chance in [0.1, 0.02] where rng.chance(chance) {
            let status = rng.weighted(Self.redemptionStatusWeights)
            _ = redeem(status, points: Int.random(in: 100...4000, using: &rng), &rng)
        }

        if let kind = reviewKind, let subject = reviewSubject {
            batch.reviews.append(makeReview(index: index, kind: kind, memberId: memberId, subject: subject,
                                            available: balance, created: advance(&rng), digits: digits, using: &rng))
        }

        if rng.chance(0.2) {
            let logIndex = index * IdentifierScheme.logSlotsPerMember
            batch.requestLogs.append(RequestLogFactory.make(id: ids.id(.requestLog, index: logIndex), at: advance(&rng),
                                                            fractionalDigits: digits, memberId: memberId, using: &rng))
        }

        let status = rng.weighted([(MemberStatus.active, 88), (.suspended, 6), (.deleted, 6)])
        let updatedAt = Timestamp(advance(&rng), fractionalDigits: digits)
        let member = Member(
            id: memberId, version: 1 + Int(ledgerSlots.used) + (status == .active ? 0 : 1),
            createdAt: Timestamp(createdAt, fractionalDigits: digits), updatedAt: updatedAt, clubId: club.clubId,
            externalRef: NameCatalog.externalRef(index: index, using: &rng),
            name: NameCatalog.name(index: index, using: &rng),
            email: NameCatalog.email(index: index, memberSuffix: String(suffix.prefix(6)), using: &rng),
            status: status, pointsAvailable: balance,
            pointsPending: rng.chance(0.15) ? Int.random(in: 10...800, using: &rng) : 0,
            pointsLifetime: lifetime, payoutReady: rng.chance(0.85), currency: club.currency,
            deletedAt: status == .deleted ? updatedAt : nil)
        batch.members.append(member)
    }

    private func makeReview(index: UInt64, kind: ReviewKind, memberId: String,
                            subject: (ref: String, points: Int, amountMinor: Int), available: Int, created: Date,
                            digits: Int, using rng: inout SeededGenerator) -> Review {
        let status = rng.weighted([(ReviewStatus.open, 70), (.escalated, 20), (.approved, 10)])
        let level = status == .escalated ? Int.random(in: 1...3, using: &rng) : 0
        let createdAt = Timestamp(created, fractionalDigits: digits)
        var updatedAt = createdAt
        var note: String?, decidedBy: String?, decidedAt: Timestamp?
        if status != .open {
            updatedAt = Timestamp(created.addingTimeInterval(Double.random(in: 60...86_400, using: &rng)),
                                  fractionalDigits: digits)
            note = rng.pick(Self.reviewNotes)
        }
        if status == .approved {
            decidedBy = deciderKeyId
            decidedAt = updatedAt
        }
        return Review(id: ids.id(.review, index: index * IdentifierScheme.reviewSlotsPerMember), version: 1 + level
                      + (status == .approved ? 1 : 0), createdAt: createdAt, updatedAt: updatedAt, kind: kind,
                      reasonCode: kind == .reversal ? ErrorCode.manualReviewRequired.rawValue : "repeated_payout_failure",
                      memberId: memberId, subjectRef: subject.ref, pointsRequested: subject.points,
                      pointsAvailable: available, amountMinor: subject.amountMinor, currency: club.currency,
                      status: status, escalationLevel: level, note: note, decidedBy: decidedBy, decidedAt: decidedAt,
                      lastActionBy: status == .open ? nil : deciderKeyId, lastActionAt: status == .open ? nil : updatedAt)
    }

    static let redemptionStatusWeights: [(RedemptionStatus, Int)] = [
        (.pendingApproval, 20), (.reserved, 15), (.paid, 30), (.payoutFailed, 12), (.escalated, 8),
        (.rejected, 8), (.cancelled, 7),
    ]

    /// Also what the traffic generator's payout provider reports.
    package static let payoutErrors: [RedemptionError] = [
        RedemptionError(code: "payout_rejected", message: "The bank rejected the transfer (account closed)."),
        RedemptionError(code: "payout_timeout", message: "The payout provider did not confirm in time."),
        RedemptionError(code: .insufficientPartnerCashCapacity, message: "The club's cash capacity was exhausted."),
        RedemptionError(code: "iban_invalid", message: "The IBAN on file failed validation."),
    ]

    static let reviewNotes: [String] = [
        "Checked with the store manager; the refund is genuine.",
        "Customer disputes the reversal — waiting for the receipt.",
        "Payout provider outage last week; retry should succeed.",
        "Escalated to finance: amount above the desk limit.",
        "Bitte mit der Filiale klären. 确认中。",
    ]
}
