import RewardsClient
import RewardsContract
import SyncEngine
import Testing

/// A page that does not advance is a protocol error, not a loop; a list or feed that does
/// advance (short pages, the feed's allowed repeats) goes on.
@Suite struct PageProgressGuardTests {
    @Test func aListThatAdvancesPasses() throws {
        var guardian = ListProgressGuard(list: "members", path: "/v1/members")
        try guardian.check(sent: nil, ids: ["mem_1", "mem_2"], nextCursor: "c1", hasMore: true)
        try guardian.check(sent: "c1", ids: [], nextCursor: "c2", hasMore: true)
        try guardian.check(sent: "c2", ids: ["mem_3"], nextCursor: nil, hasMore: false)
    }

    @Test func theCursorItWasGivenBackWithHasMoreIsAnError() throws {
        var guardian = ListProgressGuard(list: "members", path: "/v1/members")
        try guardian.check(sent: nil, ids: ["mem_1"], nextCursor: "c1", hasMore: true)
        let error = #expect(throws: PlatformError.self) {
            try guardian.check(sent: "c1", ids: ["mem_2"], nextCursor: "c1", hasMore: true)
        }
        #expect(error?.code == "invalid_response")
        #expect(error?.retryable == false)
        #expect(error?.message.contains("handed back the cursor it was given") == true)
        #expect(error?.path == "/v1/members")
    }

    @Test func anEarlierCursorAgainIsAnError() throws {
        var guardian = ListProgressGuard(list: "reviews", path: "/v1/reviews")
        try guardian.check(sent: nil, ids: ["rev_1"], nextCursor: "a", hasMore: true)
        try guardian.check(sent: "a", ids: ["rev_2"], nextCursor: "b", hasMore: true)
        #expect(throws: PlatformError.self) { try guardian.check(sent: "b", ids: ["rev_3"], nextCursor: "a", hasMore: true) }
    }

    @Test func idsRepeatedOrOutOfOrderInAPassAreAnError() throws {
        var repeated = ListProgressGuard(list: "members", path: "/v1/members")
        try repeated.check(sent: nil, ids: ["mem_1", "mem_2"], nextCursor: "c1", hasMore: true)
        let error = #expect(throws: PlatformError.self) {
            try repeated.check(sent: "c1", ids: ["mem_2", "mem_3"], nextCursor: "c2", hasMore: true)
        }
        #expect(error?.message.contains("repeated mem_2") == true)

        var backwards = ListProgressGuard(list: "members", path: "/v1/members")
        #expect(throws: PlatformError.self) {
            try backwards.check(sent: nil, ids: ["mem_2", "mem_1"], nextCursor: nil, hasMore: false)
        }
        // Byte order, as the contract sorts ids: "mem_B" < "mem_a".
        var bytes = ListProgressGuard(list: "members", path: "/v1/members")
        try bytes.check(sent: nil, ids: ["mem_B", "mem_a", "mem_é"], nextCursor: nil, hasMore: false)
    }

    @Test func aResumedListStartsAfterItsLastId() throws {
        var guardian = ListProgressGuard(list: "members", path: "/v1/members", resumingAfter: "mem_5")
        #expect(throws: PlatformError.self) { try guardian.check(sent: "c", ids: ["mem_5"], nextCursor: nil, hasMore: false) }
        var fine = ListProgressGuard(list: "members", path: "/v1/members", resumingAfter: "mem_5")
        try fine.check(sent: "c", ids: ["mem_6"], nextCursor: nil, hasMore: false)
    }

    @Test func endlessEmptyPagesAreAnError() throws {
        var guardian = ListProgressGuard(list: "members", path: "/v1/members")
        var cursor: String?
        var thrown = false
        for page in 0...ListProgressGuard.emptyPagesAllowed + 1 {
            do {
                try guardian.check(sent: cursor, ids: [], nextCursor: "c\(page)", hasMore: true)
            } catch {
                thrown = true
                #expect(page == ListProgressGuard.emptyPagesAllowed, "allowed \(ListProgressGuard.emptyPagesAllowed), then stopped")
                break
            }
            cursor = "c\(page)"
        }
        #expect(thrown)
    }

    @Test func aFeedMayRepeatEntriesButNotForever() throws {
        var feed = FeedProgressGuard()
        // Duplicates and an older entry among new ones: fine (§7).
        try feed.check(sent: "c0", seqs: ["1", "2", "2", "1"], nextCursor: "c1", hasMore: true)
        try feed.check(sent: "c1", seqs: ["2", "3"], nextCursor: "c2", hasMore: true)
        // The same entries again and again under fresh cursors: stale pages, then an error.
        var cursor = "c2"
        var thrown: PlatformError?
        for page in 0...FeedProgressGuard.stalePagesAllowed + 1 {
            let next = "c2-\(page)"
            do {
                try feed.check(sent: cursor, seqs: ["3"], nextCursor: next, hasMore: true)
            } catch let error as PlatformError {
                thrown = error
                break
            }
            cursor = next
        }
        #expect(thrown?.message.contains("nothing new") == true)
        #expect(thrown?.path == "/v1/changes")
    }

    @Test func aFeedThatHandsBackItsCursorWithHasMoreIsAnErrorButAnIdleFeedIsNot() throws {
        var feed = FeedProgressGuard()
        try feed.check(sent: "c0", seqs: [], nextCursor: "c0", hasMore: false)
        #expect(throws: PlatformError.self) { try feed.check(sent: "c0", seqs: ["9"], nextCursor: "c0", hasMore: true) }
    }
}
