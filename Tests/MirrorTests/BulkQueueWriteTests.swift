import Foundation
import Mirror
import RewardsContract
import Testing

/// Redemptions and reviews bind field by field in a bootstrap: what it stores must read back as
/// the same rows the feed's path stores, every optional field both set and absent.
@Suite struct BulkQueueWriteTests {
    static func temporaryMirrors() throws -> (MirrorStore, MirrorStore, [String]) {
        let directory = FileManager.default.temporaryDirectory
        let paths = ["bulk", "feed"].map { directory.appendingPathComponent("rwops-queues-\($0)-\(UUID().uuidString).sqlite").path }
        return (try MirrorStore(path: paths[0]), try MirrorStore(path: paths[1]), paths)
    }

    static func remove(_ paths: [String]) {
        for path in paths { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    }

    static func stamp(_ index: Int) -> Timestamp {
        Timestamp(raw: "2026-11-\(String(format: "%02d", 1 + index % 28))T08:41:07.\(String(format: "%03d", index))Z")
    }

    static let statuses: [RedemptionStatus] = [.pendingApproval, .reserved, .paid, .payoutFailed, .escalated, .rejected,
                                               .cancelled, "some_new_status"]

    static func redemption(_ index: Int) -> Redemption {
        Redemption(id: String(format: "red_%06d", index), version: index, createdAt: stamp(index), updatedAt: stamp(index + 1),
                   memberId: "mem_\(index % 17)", points: index * 10, cashValueMinor: -index, currency: "EUR",
                   status: statuses[index % statuses.count], payoutAttempts: index % 4,
                   lastError: index % 3 == 0 ? RedemptionError(code: "payout_declined", message: "nul\u{0} \u{1b}[2J \(index)") : nil,
                   lastActionBy: index % 5 == 0 ? "ops_王" : nil, lastActionAt: index % 5 == 0 ? stamp(index + 2) : nil)
    }

    static func review(_ index: Int) -> Review {
        Review(id: String(format: "rev_%06d", index), version: index, createdAt: stamp(index), updatedAt: stamp(index + 1),
               kind: index % 2 == 0 ? .payout : "some_new_kind", reasonCode: "reason \(index)", memberId: "mem_\(index)",
               subjectRef: "red_\(index)", pointsRequested: index, pointsAvailable: Int.max, amountMinor: Int.min,
               currency: "GBP", status: [.open, .escalated, .approved, "rejected"][index % 4], escalationLevel: index % 3,
               note: index % 3 == 0 ? "a note 🌟" : nil, decidedBy: index % 4 == 2 ? "ops_1" : nil,
               decidedAt: index % 4 == 2 ? stamp(index + 3) : nil, lastActionBy: index % 5 == 0 ? "ops_2" : nil,
               lastActionAt: index % 5 == 0 ? stamp(index + 4) : nil)
    }

    @Test func bulkWrittenRedemptionsAndReviewsReadBackAsTheFeedStoresThem() throws {
        let (bulk, feed, paths) = try Self.temporaryMirrors()
        defer { Self.remove(paths) }
        let redemptions = (1...130).map(Self.redemption)
        let reviews = (1...70).map(Self.review)
        try bulk.beginBootstrap(head: "h")
        try bulk.applyBootstrapPage(redemptions, previousLastId: nil, nextCursor: nil, isLast: true)
        try bulk.applyBootstrapPage(reviews, previousLastId: nil, nextCursor: nil, isLast: true)
        try bulk.completeBootstrap()
        var entries = redemptions.map { ChangeEntry(seq: $0.id, type: .redemption, op: .upsert, id: $0.id, version: $0.version,
                                                    object: .redemption($0)) }
        entries += reviews.map { ChangeEntry(seq: $0.id, type: .review, op: .upsert, id: $0.id, version: $0.version,
                                             object: .review($0)) }
        try feed.applyChanges(entries, cursor: "c")
        var bulkRedemptions: [Redemption] = [], feedRedemptions: [Redemption] = []
        var bulkReviews: [Review] = [], feedReviews: [Review] = []
        try bulk.forEachRedemption { bulkRedemptions += $0 }
        try feed.forEachRedemption { feedRedemptions += $0 }
        try bulk.forEachReview { bulkReviews += $0 }
        try feed.forEachReview { feedReviews += $0 }
        #expect(bulkRedemptions == redemptions)
        #expect(bulkRedemptions == feedRedemptions)
        #expect(bulkReviews == reviews)
        #expect(bulkReviews == feedReviews)
        // The columns only the mirror has (epochs, pending flag, status rank) match too: the queues
        // read in the same order from both.
        let pendingBulk = try bulk.redemptionsWindow(RedemptionFilter(), anchor: .first, limit: 200).map(\.object.redemption.id)
        let pendingFeed = try feed.redemptionsWindow(RedemptionFilter(), anchor: .first, limit: 200).map(\.object.redemption.id)
        #expect(!pendingBulk.isEmpty && pendingBulk == pendingFeed)
        let queueBulk = try bulk.reviewsWindow(ReviewFilter(), anchor: .first, limit: 200).map(\.object.review.id)
        let queueFeed = try feed.reviewsWindow(ReviewFilter(), anchor: .first, limit: 200).map(\.object.review.id)
        #expect(!queueBulk.isEmpty && queueBulk == queueFeed)
    }
}
