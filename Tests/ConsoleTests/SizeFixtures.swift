import Foundation
import Mirror
import RewardsContract
@testable import Console

/// Rows as the sandbox makes them (17-character ids, long names, request ids of 24 characters)
/// for the tests that draw every pane at 80×24 and 200×60.
enum SizeFixtures {
    static let memberIds = ["mem_3n9b4at24zl6h", "mem_0ccwb7ctmijvq", "mem_7yq2kd0s1mxa4"]

    static let members: [Member] = [
        Fixtures.member(memberIds[0], "Maximiliane von Hohenzollern-Sigmaringen", available: 1_250),
        Fixtures.member(memberIds[1], "فاطمة الزهراء", available: 120),
        Fixtures.member(memberIds[2], "鈴木 一郎", available: 1_234_567, status: .suspended),
    ]

    static let reviews: [ReviewRow] = [
        ReviewRow(review: with(Fixtures.review("rev_3le2n5yzg08m0", status: .open, age: 497 * 86_400, requested: 1_800,
                                              available: 30)) { $0.memberId = memberIds[1]; $0.kind = .payout
                                                  $0.reasonCode = "repeated_payout_failure" },
                  memberName: "فاطمة الزهراء"),
        ReviewRow(review: with(Fixtures.review("rev_0ccwb7ctmijvc", status: .escalated, age: 7_200, requested: 500,
                                              available: 120, level: 2)) { $0.memberId = memberIds[0] },
                  memberName: "Maximiliane von Hohenzollern-Sigmaringen"),
    ]

    static let redemptions: [RedemptionRow] = [
        RedemptionRow(redemption: Redemption(id: "red_3t4jv5shprdev", version: 3, createdAt: Fixtures.ago(5_400),
                                             updatedAt: Fixtures.ago(60), memberId: memberIds[0], points: 12_000,
                                             cashValueMinor: 12_000, currency: "EUR", status: .payoutFailed,
                                             payoutAttempts: 3,
                                             lastError: RedemptionError(code: "payout_rejected", message: "IBAN closed")),
                      memberName: "Maximiliane von Hohenzollern-Sigmaringen"),
        RedemptionRow(redemption: Redemption(id: "red_9x8w7v6u5t4s3", version: 1, createdAt: Fixtures.ago(90),
                                             updatedAt: Fixtures.ago(90), memberId: memberIds[2], points: 1_500,
                                             cashValueMinor: 1_500, currency: "EUR", status: .pendingApproval,
                                             payoutAttempts: 0),
                      memberName: "鈴木 一郎"),
    ]

    static func log(_ id: String, requestId: String, secondsAgo: Double, code: ErrorCode, status: Int, path: String,
                    message: String, details: JSONValue? = nil) -> RequestLog {
        let at = Fixtures.ago(secondsAgo)
        return RequestLog(id: id, version: 1, createdAt: at, updatedAt: at, requestId: requestId, at: at, method: "POST",
                          path: path, httpStatus: status, code: code, message: message, retryable: status >= 500,
                          details: details)
    }

    static let logs: [RequestLog] = [
        log("log_001", requestId: "req_IKs9kbkXVhEknLJ9XaQ1", secondsAgo: 120, code: .insufficientPointsBalance,
            status: 422, path: "/v1/redemptions", message: "The member does not have enough available points",
            details: .object(["memberId": .string(memberIds[0])])),
        log("log_002", requestId: "req_Zq81mmAAbbCCddEEffGg", secondsAgo: 4_000, code: .insufficientPointsBalance,
            status: 422, path: "/v1/redemptions", message: "The member does not have enough available points"),
    ]

    static func with<Value>(_ value: Value, _ change: (inout Value) -> Void) -> Value {
        var value = value
        change(&value)
        return value
    }

    /// Every pane loaded with these rows, on `pane`, at the given size.
    static func state(_ pane: PaneID, columns: Int, rows: Int) -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.pane = pane
        state.members.list.apply(Fixtures.rows(members, key: \.id), select: .index(0), atStart: true)
        state.reviews.list.apply(Fixtures.rows(reviews, key: \.review.id), select: .index(0), atStart: true)
        state.redemptions.list.apply(Fixtures.rows(redemptions, key: \.redemption.id), select: .index(0), atStart: true)
        state.errors.extra.groupsGeneration = 1
        ErrorLogPane.groupsLoaded(&state, generation: 1, result: ErrorGroups(groups: ErrorLogFixtures.groups,
                                                                             truncated: false, now: Fixtures.now))
        return state
    }

    /// The Error log inside its first code, its failures loaded.
    static func drilledState(columns: Int, rows: Int) -> AppState {
        var state = state(.errors, columns: columns, rows: rows)
        _ = Update.update(&state, .key(.enter))
        state.errors.list.apply(Fixtures.rows(logs, key: \.id), select: .index(0), atStart: true)
        state.awaitingMove = nil
        return state
    }

    static let ledger: [LedgerEntry] = [
        LedgerEntry(id: "led_3", memberId: memberIds[0], kind: .redemption, points: -12_000, redemptionId: "red_3t4jv5shprdev",
                    createdAt: Fixtures.ago(5_400)),
        LedgerEntry(id: "led_2", memberId: memberIds[0], kind: .earn, points: 13_000,
                    externalTransactionId: "tx_2026-11-20-0042-very-long-reference", createdAt: Fixtures.ago(86_400)),
        LedgerEntry(id: "led_1", memberId: memberIds[0], kind: .earn, points: 250, externalTransactionId: "tx_1",
                    createdAt: Fixtures.ago(172_800)),
    ]

    /// The member detail of the first member, ledger fetched.
    static func memberDetailState(columns: Int, rows: Int) -> AppState {
        var state = state(.members, columns: columns, rows: rows)
        var detail = MemberDetailState(memberId: memberIds[0])
        detail.detail = MemberDetail(member: members[0], ledger: ledger, redemptions: [redemptions[0].redemption],
                                     reviews: [reviews[1].review])
        detail.ledgerStatus = .fetched
        state.detail = detail
        return state
    }
}
