import Foundation
import Mirror
import RewardsContract
@testable import Console

/// Fixed data for render and update tests: the same instant, the same rows, every run.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_336_867)  // 2026-11-22T08:41:07Z
    static func ago(_ seconds: Double) -> Timestamp { Timestamp(now.addingTimeInterval(-seconds)) }

    static let me = Me(keyId: "mr_test_abcdefghijklmnopqrstuvwx", clubId: "club_nordlicht", clubName: "Nordlicht",
                       environment: .test, role: .ops)

    static func member(_ id: String, _ name: String, available: Int, status: MemberStatus = .active) -> Member {
        Member(id: id, version: 1, createdAt: ago(86_400), updatedAt: ago(3600), clubId: "club_nordlicht",
               externalRef: "ext-\(id)", name: name, email: "\(id)@example.org", status: status,
               pointsAvailable: available, pointsPending: 10, pointsLifetime: available + 500, payoutReady: true,
               currency: "EUR")
    }

    static let members: [Member] = [
        member("mem_001", "Zoë Åsheim", available: 1_250),
        member("mem_002", "鈴木 一郎", available: 120),
        member("mem_003", "\u{1b}[31mRed Alert\u{1b}[0m\u{202e}evil", available: 0, status: .suspended),
        member("mem_004", "Ana 🌟 Silva", available: 1_234_567),
    ]

    static func review(_ id: String, status: ReviewStatus, age: Double, requested: Int, available: Int,
                       level: Int = 0) -> Review {
        Review(id: id, version: 2, createdAt: ago(age), updatedAt: ago(age / 2), kind: .reversal,
               reasonCode: "manual_review_required", memberId: "mem_002", subjectRef: "tx_\(id)",
               pointsRequested: requested, pointsAvailable: available, amountMinor: 1_500, currency: "EUR",
               status: status, escalationLevel: level)
    }

    static let reviews: [ReviewRow] = [
        ReviewRow(review: review("rev_001", status: .open, age: 7_200, requested: 500, available: 120), memberName: "鈴木 一郎"),
        ReviewRow(review: review("rev_002", status: .open, age: 300, requested: 80, available: 400), memberName: "Zoë Åsheim"),
        ReviewRow(review: review("rev_003", status: .escalated, age: 172_800, requested: 900, available: 0, level: 2),
                  memberName: nil),
    ]

    static let redemptions: [RedemptionRow] = [
        RedemptionRow(redemption: Redemption(id: "red_001", version: 3, createdAt: ago(5_400), updatedAt: ago(60),
                                             memberId: "mem_001", points: 2_000, cashValueMinor: 2_000, currency: "EUR",
                                             status: .payoutFailed, payoutAttempts: 2,
                                             lastError: RedemptionError(code: "payout_rejected", message: "closed")),
                      memberName: "Zoë Åsheim"),
        RedemptionRow(redemption: Redemption(id: "red_002", version: 1, createdAt: ago(90), updatedAt: ago(90),
                                             memberId: "mem_004", points: 15_000, cashValueMinor: 15_000, currency: "EUR",
                                             status: .pendingApproval, payoutAttempts: 0),
                      memberName: "Ana 🌟 Silva"),
    ]

    static let logs: [RequestLog] = [
        RequestLog(id: "log_001", version: 1, createdAt: ago(120), updatedAt: ago(120), requestId: "req_AAAA1111",
                   at: ago(120), method: "POST", path: "/v1/redemptions", httpStatus: 422,
                   code: .insufficientPointsBalance, message: "The member does not have enough points", retryable: false),
        RequestLog(id: "log_002", version: 1, createdAt: ago(4_000), updatedAt: ago(4_000), requestId: "req_BBBB2222",
                   at: ago(4_000), method: "POST", path: "/v1/transactions/settled", httpStatus: 503,
                   code: .unavailable, message: "\u{1b}]52;c;aGk=\u{07}try later", retryable: true),
    ]

    static func rows<Row>(_ objects: [Row], key: (Row) -> String) -> [WindowRow<Row>] {
        objects.map { WindowRow(key: RowKey([.text(key($0))]), object: $0) }
    }

    /// A console with every pane loaded, 120×24, on the review queue.
    static func state(columns: Int = 120, rows: Int = 24) -> AppState {
        var state = AppState(columns: columns, rows: rows, now: now)
        state.identity = me
        state.sync = .live(since: now.addingTimeInterval(-2))
        state.counts.members = 4
        state.counts.pendingRedemptions = 2
        state.counts.openReviews = 2
        state.counts.escalatedReviews = 1
        state.counts.requestLogs = 2
        state.members.list.apply(Self.rows(members, key: \.id), select: .index(0), atStart: true)
        state.reviews.list.apply(Self.rows(reviews, key: \.review.id), select: .index(0), atStart: true)
        state.redemptions.list.apply(Self.rows(redemptions, key: \.redemption.id), select: .index(0), atStart: true)
        state.errors.list.apply(Self.rows(logs, key: \.id), select: .index(0), atStart: true)
        return state
    }
}

