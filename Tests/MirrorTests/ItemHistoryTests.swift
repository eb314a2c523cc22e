import Foundation
import Mirror
import RewardsContract
import Testing

/// The versions of a review or redemption the mirror has seen, as the sync records them: on a
/// feed (or action) upsert that changes status, level, note or the last action, on a
/// re-bootstrap page, bounded per item, gone with a purge.
@Suite struct ItemHistoryTests {
    func temporaryMirror() throws -> MirrorStore {
        try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-history-\(UUID().uuidString).sqlite").path)
    }

    func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }

    /// Version `version`, updated at 08:`version`:00; an action by `by` at `actedAt` (default: then).
    func review(_ id: String = "rev_1", version: Int, status: ReviewStatus = .open, level: Int = 0, note: String? = nil,
                by: String? = nil, actedAt: String? = nil, memberId: String = "mem_1") -> Review {
        let at = Timestamp(raw: "2026-11-22T08:\(String(format: "%02d", version)):00Z")
        return Review(id: id, version: version, createdAt: Timestamp(raw: "2026-11-22T08:00:00Z"), updatedAt: at,
                      kind: .reversal, reasonCode: "manual_review_required", memberId: memberId, subjectRef: "tx_1",
                      pointsRequested: 500, pointsAvailable: 100, amountMinor: 500, currency: "EUR", status: status,
                      escalationLevel: level, note: note, lastActionBy: by,
                      lastActionAt: by.map { _ in actedAt.map(Timestamp.init(raw:)) ?? at })
    }

    func upsert(_ review: Review, seq: Int) -> ChangeEntry {
        ChangeEntry(seq: String(seq), type: .review, op: .upsert, id: review.id, version: review.version,
                    object: .review(review))
    }

    @Test func theFeedRecordsABootstrappedItemsFirstStateThenEachChange() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        try mirror.beginBootstrap(head: "h")
        try mirror.applyBootstrapPage([review(version: 1)], previousLastId: nil, nextCursor: nil, isLast: true)
        try mirror.completeBootstrap()
        #expect(try mirror.itemHistory(itemId: "rev_1").isEmpty, "a fresh bootstrap writes no history")

        try mirror.applyChanges([upsert(review(version: 2, status: .escalated, level: 1, note: "ask finance", by: "mr_test_a"),
                                        seq: 1)], cursor: "c1")
        // Same state, newer version (a change the history does not track): nothing new.
        try mirror.applyChanges([upsert(review(version: 3, status: .escalated, level: 1, note: "ask finance", by: "mr_test_a",
                                               actedAt: "2026-11-22T08:02:00Z"), seq: 2)], cursor: "c2")
        // An older version arriving late changes nothing.
        try mirror.applyChanges([upsert(review(version: 1), seq: 3)], cursor: "c3")
        try mirror.applyActionResult(.review(review(version: 4, status: .approved, level: 1, note: "ask finance",
                                                    by: "mr_test_b")))
        let history = try mirror.itemHistory(itemId: "rev_1")
        #expect(history.map(\.version) == [4, 2, 1])
        #expect(history.map(\.status) == ["approved", "escalated", "open"])
        #expect(history.map(\.escalationLevel) == [1, 1, 0])
        #expect(history.map(\.lastActionBy) == ["mr_test_b", "mr_test_a", nil])
        #expect(history[1].note == "ask finance" && history[2].note == nil)
        #expect(history[0].updatedAt.raw == "2026-11-22T08:04:00Z")
    }

    @Test func aNewItemFromTheFeedIsRecordedAndRedemptionsToo() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        let at = Timestamp(raw: "2026-11-22T08:00:00Z")
        var redemption = Redemption(id: "red_1", version: 1, createdAt: at, updatedAt: at, memberId: "mem_1", points: 100,
                                    cashValueMinor: 100, currency: "EUR", status: .pendingApproval, payoutAttempts: 0)
        try mirror.applyChanges([ChangeEntry(seq: "1", type: .redemption, op: .upsert, id: "red_1", version: 1,
                                             object: .redemption(redemption))], cursor: "c1")
        redemption.version = 2
        redemption.status = .reserved
        redemption.lastActionBy = "mr_test_ops2"
        redemption.lastActionAt = at
        try mirror.applyChanges([ChangeEntry(seq: "2", type: .redemption, op: .upsert, id: "red_1", version: 2,
                                             object: .redemption(redemption))], cursor: "c2")
        let history = try mirror.itemHistory(itemId: "red_1")
        #expect(history.map(\.status) == ["reserved", "pending_approval"])
        #expect(history.map(\.lastActionBy) == ["mr_test_ops2", nil])
        #expect(history.allSatisfy { $0.escalationLevel == nil && $0.note == nil })
    }

    @Test func eachItemKeepsItsNewestTwentyVersions() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        for version in 1...30 {
            try mirror.applyChanges([upsert(review(version: version, note: "note \(version)"), seq: version),
                                     upsert(review("rev_2", version: version, note: version == 1 ? "x" : "y"), seq: 100 + version)],
                                    cursor: "c\(version)")
        }
        let history = try mirror.itemHistory(itemId: "rev_1", limit: 100)
        #expect(history.count == 20)
        #expect(history.first?.version == 30 && history.last?.version == 11)
        #expect(try mirror.itemHistory(itemId: "rev_2", limit: 100).map(\.version) == [2, 1], "others keep theirs")
    }

    @Test func aReBootstrapPageRecordsWhatChangedInOneGo() async throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        try await mirror.applyChanges([upsert(review("rev_1", version: 1), seq: 1), upsert(review("rev_2", version: 1), seq: 2)],
                                cursor: "c1")
        try await mirror.resetCursor()
        _ = try await mirror.beginBootstrap(head: "h2")
        _ = try await mirror.applyBootstrapPage(.reviews([review("rev_1", version: 2, status: .escalated, level: 1, note: "n",
                                                                 by: "mr_test_x"),
                                                          review("rev_2", version: 1)]),
                                                previousLastId: nil, nextCursor: nil, isLast: true)
        try await mirror.completeBootstrap()
        #expect(try mirror.itemHistory(itemId: "rev_1").map(\.version) == [2, 1])
        #expect(try mirror.itemHistory(itemId: "rev_2").map(\.version) == [1], "unchanged: nothing new")
    }

    @Test func aReBootstrapRecordsOnlyWhatItChangesOfItemsWithoutHistory() async throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        _ = try await mirror.beginBootstrap(head: "h1")
        _ = try await mirror.applyBootstrapPage(.reviews([review("rev_1", version: 1), review("rev_2", version: 1),
                                                          review("rev_3", version: 1)]),
                                                previousLastId: nil, nextCursor: nil, isLast: true)
        try await mirror.completeBootstrap()
        try await mirror.resetCursor()
        _ = try await mirror.beginBootstrap(head: "h2")
        // rev_1 changed, rev_2 did not, rev_3 has a newer version with the same state.
        _ = try await mirror.applyBootstrapPage(.reviews([review("rev_1", version: 2, status: .escalated, level: 1, note: "n",
                                                                 by: "mr_test_x"),
                                                          review("rev_2", version: 1), review("rev_3", version: 2)]),
                                                previousLastId: nil, nextCursor: nil, isLast: true)
        try await mirror.completeBootstrap()
        let changed = try mirror.itemHistory(itemId: "rev_1")
        #expect(changed.map(\.version) == [2, 1], "the change, with what it changed from")
        #expect(changed.map(\.status) == ["escalated", "open"])
        #expect(try mirror.itemHistory(itemId: "rev_2").isEmpty, "an unchanged item without history gets none")
        #expect(try mirror.itemHistory(itemId: "rev_3").map(\.version).count <= 1, "a same-state version adds no change")
    }

    @Test func aPurgeTakesTheHistoryWithIt() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        try mirror.applyChanges([upsert(review("rev_1", version: 1), seq: 1),
                                 upsert(review("rev_2", version: 1, memberId: "mem_2"), seq: 2),
                                 upsert(review("rev_3", version: 1, memberId: "mem_2"), seq: 3)], cursor: "c1")
        try mirror.applyChanges([ChangeEntry(seq: "4", type: .review, op: .delete, id: "rev_1", version: 2, object: nil),
                                 ChangeEntry(seq: "5", type: .member, op: .delete, id: "mem_2", version: 9, object: nil)],
                                cursor: "c2")
        for id in ["rev_1", "rev_2", "rev_3"] {
            #expect(try mirror.itemHistory(itemId: id).isEmpty, "\(id) keeps history after its purge")
        }
    }
}
