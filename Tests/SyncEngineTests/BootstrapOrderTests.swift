import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import Synchronization
import TestSupport
import Testing

/// A first start shows the review queue before anything else: the bootstrap reads the lists
/// an operator acts on first, one after the other, and commits each page as it lands; the
/// members are read beside them once the queue's first page is in.
@Suite struct BootstrapOrderTests {
    @Test func theReviewQueueIsCommittedFirstAndTheMembersLoadBesideTheQueue() async throws {
        let harness = try await SyncHarness.start(members: 600, seed: 31, pageSize: 50)
        defer { Task { await harness.stop() } }
        let server = try await harness.server.snapshot()
        try #require(!server.reviews.isEmpty && !server.redemptions.isEmpty)

        struct Seen: Sendable {
            var pages: [ObjectKind] = []
            var finished: [ObjectKind] = []
            /// What the mirror held when the first member page was reported (committed).
            var atFirstMemberPage: (reviews: Int, redemptions: Int, members: Int)?
            var started: BootstrapPassInfo?
        }
        let seen = Mutex(Seen())
        let mirror = harness.mirror
        try await harness.engine.syncOnce { event in
            guard case .progress(let step) = event else { return }
            switch step {
            case .passStarted(let pass): seen.withLock { $0.started = pass }
            case .list(let list):
                let counts = list.kind == .member && seen.withLock({ $0.atFirstMemberPage == nil })
                    ? try? mirror.rowCounts() : nil
                seen.withLock { state in
                    state.pages.append(list.kind)
                    if let counts {
                        state.atFirstMemberPage = (counts["review"] ?? 0, counts["redemption"] ?? 0, counts["member"] ?? 0)
                    }
                }
            case .listFinished(let kind, _): seen.withLock { $0.finished.append(kind) }
            default: break
            }
        }
        let result = seen.withLock { $0 }
        #expect(result.started?.order == [.review, .redemption, .requestLog, .member])
        #expect(result.started?.replacesRows == false)
        let queue: [ObjectKind] = [.review, .redemption, .requestLog]
        #expect(result.pages.first == .review, "the review queue's first page is the first on screen")
        #expect(result.finished.filter(queue.contains) == queue)
        #expect(Set(result.finished) == Set(queue + [.member]))
        // The queue's lists come one after the other, never interleaved with each other.
        var order: [ObjectKind] = []
        for kind in result.pages where kind != .member && order.last != kind { order.append(kind) }
        #expect(order == queue.filter(result.pages.contains))
        #expect(result.pages.filter { $0 == .member }.count == 12, "600 members in pages of 50")
        // No member page before the queue's first page was committed.
        let first = try #require(result.atFirstMemberPage)
        #expect(first.reviews >= min(50, server.reviews.count))
        #expect(first.members == 50, "one page of members, committed and browsable")
        // A first start skipped its checkpoints' fsyncs; the pass over, the writer syncs again.
        #expect(try await harness.mirror.writerSynchronous() == 1)
        try await harness.expectMirrorEqualsSandbox()
    }

    @Test func listProgressCarriesRowsAndNoInventedEta() {
        let counted = ListProgress(kind: .member, rows: 340_000, total: 1_000_000, rowsPerSecond: 110_000)
        #expect(counted.etaSeconds == 6)
        let uncounted = ListProgress(kind: .member, rows: 340_000, total: nil, rowsPerSecond: 110_000)
        #expect(uncounted.etaSeconds == nil)
        // A list that grew past the head's count has no honest ETA either.
        let grown = ListProgress(kind: .member, rows: 1_000_100, total: 1_000_000, rowsPerSecond: 110_000)
        #expect(grown.etaSeconds == nil)
    }
}
