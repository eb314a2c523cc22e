import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// What a decision's answer leaves on screen: a refusal's `✗` held on its row with who won the
/// race until the operator moves on or dismisses it, and one summary for a bulk decision.
@Suite struct DecisionResultTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    /// A real outbox entry (from a temporary mirror), answered as given.
    static func answered(_ objectId: String, subject: ActionSubject = .review, verb: ActionVerb = .approve,
                         failed code: String? = nil, message: String = "", resultVersion: Int = 3,
                         in mirror: MirrorStore) throws -> OutboxEntry {
        let entry = try mirror.enqueueAction(subject: subject, objectId: objectId, verb: verb,
                                             body: ActionRequest(expectedVersion: 2).encodedBody(), baseVersion: 2,
                                             note: nil, idempotencyKey: "key-\(objectId)-\(UUID().uuidString)")
        if let code {
            try mirror.markOutboxFailed(seq: entry.seq, code: code, message: message, requestId: "req_1")
        } else {
            try mirror.markOutboxDelivered(seq: entry.seq, result: .review(Fixtures.review(objectId, status: .approved,
                                                                                            age: 60, requested: 1,
                                                                                            available: 1)),
                                           requestId: "req_1")
        }
        return try #require(try mirror.outboxEntry(seq: entry.seq))
    }

    static func temporaryMirror() throws -> MirrorStore {
        try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-results-\(UUID().uuidString).sqlite").path)
    }

    @Test func aLostRaceKeepsItsCrossWithWhoWonUntilTheOperatorMovesOn() throws {
        let mirror = try Self.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        var state = Fixtures.state()
        let failed = try Self.answered("rev_001", failed: "version_conflict", message: "expectedVersion is 2 but the current version is 3.",
                                       in: mirror)
        let commands = Update.update(&state, .sync(.outboxFailed(failed)))
        #expect(commands == [.syncNow, .explainConflict(failed)])
        let won = "rev_001 escalated to level 1 by mr_test_winner at 10:41:07Z (version 3); your approve was not applied"
        _ = Update.update(&state, .conflictExplained(objectId: "rev_001", text: won))
        #expect(state.flash?.text == won)
        // The winner's version arrives: the row is newer than the refused decision, yet its ✗ stays.
        var newer = Fixtures.reviews
        newer[0].review.version = 3
        newer[0].review.status = .escalated
        state.reviews.list.apply(Fixtures.rows(newer, key: \.review.id), select: .index(0), atStart: true)
        #expect(RootView.render(state).lines()[2].hasSuffix("✗ version_conflict"), "the Action column shows the whole code")
        // The flash goes; the reason stays on the message line while the row is selected.
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(10)))
        #expect(state.flash == nil)
        #expect(RootView.render(state).lines()[22].hasPrefix(won))
        // Moving on lets it go.
        _ = send(&state, .char("j"))
        #expect(!RootView.render(state).lines()[2].contains("✗"))
        #expect(state.heldRefusals.isEmpty)
    }

    @Test func aRefusalOnAnotherRowWaitsUntilSeenAndLeftOrEscDismissesIt() throws {
        let mirror = try Self.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        var state = Fixtures.state()
        let failed = try Self.answered("rev_002", failed: "review_already_decided", message: "already approved", in: mirror)
        _ = Update.update(&state, .sync(.outboxFailed(failed)))
        _ = send(&state, .char("r"))  // a key on rev_001: rev_002 not seen yet
        #expect(state.heldRefusals["rev_002"]?.seen == false)
        #expect(RootView.render(state).lines()[3].hasSuffix("✗ review_already_decided"))
        _ = send(&state, .char("j"))  // rev_002 selected: seen
        #expect(state.heldRefusals["rev_002"]?.seen == true)
        _ = send(&state, .escape)
        #expect(state.heldRefusals.isEmpty, "Esc dismisses")
    }

    @Test func aNewDecisionOnTheRowReplacesItsHeldRefusal() throws {
        let mirror = try Self.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        var state = Fixtures.state()
        _ = Update.update(&state, .sync(.outboxFailed(try Self.answered("rev_001", failed: "version_conflict", in: mirror))))
        _ = send(&state, .char("a"), .char("y"))
        #expect(state.heldRefusals["rev_001"] == nil)
    }

    @Test func aBulkDecisionEndsWithOneSummaryThatStaysUntilDismissed() throws {
        let mirror = try Self.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        var state = Fixtures.state()
        state.pane = .redemptions
        _ = send(&state, .char(" "), .char(" "))
        state.pane = .reviews
        _ = send(&state, .char(" "), .char(" "), .char(" "))
        let commands = send(&state, .char("a"), .char("y"))
        #expect(commands.count == 3)
        #expect(state.bulk?.objectIds == ["rev_001", "rev_002", "rev_003"])
        var entries: [OutboxEntry] = []
        for id in ["rev_001", "rev_002", "rev_003"] {
            let queued = try mirror.enqueueAction(subject: .review, objectId: id, verb: .approve,
                                                  body: ActionRequest(expectedVersion: 2).encodedBody(), baseVersion: 2,
                                                  note: nil, idempotencyKey: "bulk-\(id)")
            _ = Update.update(&state, .actionQueued(queued))
            entries.append(queued)
        }
        try mirror.markOutboxDelivered(seq: entries[0].seq, result: .review(Fixtures.review("rev_001", status: .approved, age: 9, requested: 1, available: 1)), requestId: "r1")
        try mirror.markOutboxFailed(seq: entries[1].seq, code: "missing_payout_reference",
                                    message: "The member does not yet have payout details ready.", requestId: "r2")
        try mirror.markOutboxFailed(seq: entries[2].seq, code: "missing_payout_reference",
                                    message: "The member \u{1b}[31mdoes not\u{1b}[0m have payout details.", requestId: "r3")
        let answers = try entries.map { try #require(try mirror.outboxEntry(seq: $0.seq)) }
        _ = Update.update(&state, .sync(.outboxDelivered(answers[0])))
        #expect(state.notice == nil && state.flash?.text == "approve 3: 1 answered…")
        _ = Update.update(&state, .sync(.outboxFailed(answers[1])))
        _ = Update.update(&state, .sync(.outboxFailed(answers[2])))
        let notice = try #require(state.notice)
        #expect(notice.headline == "3 decided: 1 approved, 2 refused — missing_payout_reference ×2")
        let lines = RootView.render(state).lines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Bulk approve of 3 · Esc dismisses"))
        #expect(text.contains("3 decided: 1 approved, 2 refused — missing_payout_reference ×2"))
        #expect(text.contains("✗ rev_002 missing_payout_reference: The member does not yet have payout details ready."))
        #expect(text.contains("✗ rev_003 missing_payout_reference: The member �does not� have payout details."))
        #expect(state.marks[.redemptions]?.count == 2, "the other pane's marks are its own")
        // It stays through ticks and keys, until Esc.
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(60)))
        _ = send(&state, .char("j"))
        #expect(state.notice != nil)
        _ = send(&state, .escape)
        #expect(state.notice == nil)
    }

    @Test func aWithdrawnItemOfABulkDecisionIsCountedAsSuch() throws {
        let mirror = try Self.temporaryMirror()
        defer { try? FileManager.default.removeItem(atPath: mirror.path) }
        var state = Fixtures.state()
        _ = send(&state, .char(" "), .char(" "), .char("a"), .char("y"))
        var entries: [OutboxEntry] = []
        for id in ["rev_001", "rev_002"] {
            let queued = try mirror.enqueueAction(subject: .review, objectId: id, verb: .approve,
                                                  body: ActionRequest(expectedVersion: 2).encodedBody(), baseVersion: 2,
                                                  note: nil, idempotencyKey: "w-\(id)", sendAfter: Fixtures.now.addingTimeInterval(5))
            _ = Update.update(&state, .actionQueued(queued))
            entries.append(queued)
        }
        _ = Update.update(&state, .undoFinished(withdrawn: [entries[1]], alreadySent: 0))
        try mirror.markOutboxDelivered(seq: entries[0].seq, result: .review(Fixtures.review("rev_001", status: .approved, age: 9, requested: 1, available: 1)), requestId: "r1")
        _ = Update.update(&state, .sync(.outboxDelivered(try #require(try mirror.outboxEntry(seq: entries[0].seq)))))
        #expect(state.notice?.headline == "1 decided: 1 approved; 1 withdrawn before sending")
        #expect(state.notice?.level == .success)
    }
}
