import Foundation
import Mirror
import RewardsContract
import Testing

/// The bootstrap's bulk path binds members field by field: what it stores must read back as
/// the same member the feed's path stores, hostile strings included.
@Suite struct BulkWriteTests {
    func temporaryMirror() throws -> MirrorStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-bulk-\(UUID().uuidString).sqlite").path
        return try MirrorStore(path: path)
    }

    func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }

    /// The members written by a one-page bootstrap into `bulk` and by the feed into `feed`,
    /// each read back in id order.
    func writeBothWays(_ members: [Member], bulk: MirrorStore, feed: MirrorStore) throws -> ([Member], [Member]) {
        try bulk.beginBootstrap(head: "h")
        try bulk.applyBootstrapPage(members, previousLastId: nil, nextCursor: nil, isLast: true)
        try bulk.completeBootstrap()
        let entries = members.enumerated().map { ChangeEntry(seq: String($0.offset), type: .member, op: .upsert,
                                                             id: $0.element.id, version: $0.element.version,
                                                             object: .member($0.element)) }
        try feed.applyChanges(entries, cursor: "after-bootstrap")
        var fromBulk: [Member] = [], fromFeed: [Member] = []
        try bulk.forEachMember { fromBulk += $0 }
        try feed.forEachMember { fromFeed += $0 }
        return (fromBulk, fromFeed)
    }

    func member(_ index: Int, name: String, deleted: Bool = false) -> Member {
        let at = Timestamp(raw: "2026-11-22T08:41:07.123456Z")
        return Member(id: "mem_\(index)", version: index, createdAt: at, updatedAt: Timestamp(raw: "2026-11-22T08:41:07Z"),
                      clubId: "club_x", externalRef: "ext-\(index)", name: name, email: "m\(index)@example.org",
                      status: index % 2 == 0 ? .active : "some_new_status", pointsAvailable: -index,
                      pointsPending: Int.max, pointsLifetime: 0, payoutReady: index % 3 == 0, currency: "EUR",
                      deletedAt: deleted ? at : nil)
    }

    @Test func bulkWrittenMembersReadBackAsTheFeedStoresThem() throws {
        let bulk = try temporaryMirror(), feed = try temporaryMirror()
        defer { remove(bulk); remove(feed) }
        let names = ["Zoë 🌟", "", "nul\u{0}inside", "\u{1b}[31mred\u{202e}", "王小明", String(repeating: "x", count: 5000)]
        let members = names.enumerated().map { member($0.offset + 1, name: $0.element, deleted: $0.offset == 2) }
        let (fromBulk, fromFeed) = try writeBothWays(members, bulk: bulk, feed: feed)
        #expect(fromBulk == members.sorted { $0.id < $1.id })
        #expect(fromBulk == fromFeed)
    }

    /// A full page goes in statements of many rows each, and the rest one row at a time: a page
    /// of 150 (two statements of 64 and 22 single rows, with tombstoned and hostile rows among
    /// them) reads back as the feed stores the same members.
    @Test func aPageOfManyRowsInSeveralStatementsReadsBackAsTheFeedStoresIt() throws {
        let bulk = try temporaryMirror(), feed = try temporaryMirror()
        defer { remove(bulk); remove(feed) }
        let hostile = ["Zoë 🌟", "", "nul\u{0}inside", "\u{1b}[31mred\u{202e}", "王小明", String(repeating: "y", count: 70_000)]
        let members = (1...150).map { index in
            member(1000 + index, name: index % 25 == 0 ? hostile[(index / 25) % hostile.count] : "Member \(index)",
                   deleted: index % 7 == 0)
        }
        let tombstoned: Set<String> = ["mem_1010", "mem_1064", "mem_1065", "mem_1149"]
        let deletes = tombstoned.sorted().enumerated().map {
            ChangeEntry(seq: "t\($0.offset)", type: .member, op: .delete, id: $0.element, version: 5_000, object: nil)
        }
        try bulk.applyChanges(deletes, cursor: "c")
        try feed.applyChanges(deletes, cursor: "c")
        let (fromBulk, fromFeed) = try writeBothWays(members, bulk: bulk, feed: feed)
        #expect(fromBulk.count == 146)
        #expect(fromBulk == members.filter { !tombstoned.contains($0.id) })
        #expect(fromBulk == fromFeed)
    }

    @Test func aTombstonedIdInABootstrapPageIsSkipped() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        try mirror.applyChanges([ChangeEntry(seq: "1", type: .member, op: .delete, id: "mem_2", version: 5, object: nil)],
                                cursor: "c")
        try mirror.beginBootstrap(head: "h")
        try mirror.applyBootstrapPage([member(1, name: "a"), member(2, name: "b"), member(7, name: "c")],
                                      previousLastId: nil, nextCursor: nil, isLast: true)
        try mirror.completeBootstrap()
        var stored: [String] = []
        try mirror.forEachMember { stored += $0.map(\.id) }
        // mem_2 at version 2 is below its tombstone (5); mem_7 at version 7 is above no tombstone.
        #expect(stored == ["mem_1", "mem_7"])
    }
}

@Suite struct DeferredIndexTests {
    func review(_ index: Int) -> Review {
        let at = Timestamp(raw: "2026-11-22T08:41:07Z")
        return Review(id: "rev_\(String(format: "%04d", index))", version: 1, createdAt: at, updatedAt: at, kind: .payout,
                      reasonCode: "r", memberId: "mem_1", subjectRef: "red_1", pointsRequested: 1, pointsAvailable: 1,
                      amountMinor: 1, currency: "EUR", status: index % 2 == 0 ? .open : .escalated, escalationLevel: 0)
    }

    @Test func aFreshListLoadsWithoutItsIndexesAndGetsThemBackAtItsLastPageEvenAfterAKill() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-idx-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var mirror = try MirrorStore(path: path)
        let full = try mirror.indexNames(of: .review)
        #expect(full.contains("reviews_queue") && full.count >= 3)
        try mirror.beginBootstrap(head: "h")
        try mirror.applyBootstrapPage((0..<50).map(review), previousLastId: nil, nextCursor: "c1", isLast: false)
        #expect(try mirror.indexNames(of: .review).isEmpty, "loaded without its indexes")
        // The pane still reads what is loaded, in its order.
        let window = try mirror.reviewsWindow(ReviewFilter(), anchor: .first, limit: 5)
        #expect(window.map(\.object.review.status) == Array(repeating: .open, count: 5))

        // A process killed here leaves the mirror as it is; the next one resumes the list.
        mirror = try MirrorStore(path: path)
        try mirror.applyBootstrapPage((50..<80).map(review), previousLastId: "rev_0049", nextCursor: nil, isLast: true)
        #expect(try mirror.indexNames(of: .review) == full)
        try mirror.completeBootstrap()
        #expect(try mirror.reviewsWindow(ReviewFilter(), anchor: .first, limit: 100).count == 80)
    }
}
