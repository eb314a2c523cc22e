import Mirror
@testable import rewards_ops
import SyncEngine
import Testing

/// `rewards-ops sync` on a terminal redraws one progress line. The queue's lists and the
/// members load at once, so the line names every list loading, in reading order, with their
/// rate together and the ETA of the last to finish, and no ETA it cannot know.
@Suite struct SyncProgressLineTests {
    @Test func oneListKeepsItsOwnLine() {
        let members = ListProgress(kind: .member, rows: 340_000, total: 1_000_000, rowsPerSecond: 110_000)
        #expect(SyncReporter.describe(loading: [.member: members])
                == "members: 340,000 of ~1,000,000 rows, 110,000 rows/s, ETA 6 s")
    }

    @Test func twoListsShareTheLineInReadingOrder() {
        let members = ListProgress(kind: .member, rows: 200_000, total: 1_000_000, rowsPerSecond: 90_000)
        let logs = ListProgress(kind: .requestLog, rows: 120_000, total: 198_797, rowsPerSecond: 60_000)
        #expect(SyncReporter.describe(loading: [.member: members, .requestLog: logs])
                == "request logs 120,000 of ~198,797 · members 200,000 of ~1,000,000 · 150,000 rows/s · ETA 9 s")
    }

    @Test func withoutCountsThereIsNoEta() {
        let members = ListProgress(kind: .member, rows: 200_000, total: nil, rowsPerSecond: 90_000)
        let reviews = ListProgress(kind: .review, rows: 4_000, total: 9_000, rowsPerSecond: 20_000)
        #expect(SyncReporter.describe(loading: [.member: members, .review: reviews])
                == "reviews 4,000 of ~9,000 · members 200,000 · 110,000 rows/s · ETA unknown (no count from the server)")
    }
}
