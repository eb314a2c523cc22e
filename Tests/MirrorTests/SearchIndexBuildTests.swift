import Foundation
import Mirror
import RewardsClient
import RewardsContract
import SyncEngine
import TestSupport
import Testing

/// The search index is built after a bootstrap, in chunks. Before, while and after that, a
/// member filter finds exactly the members the server's `q` finds: what is indexed through
/// the index, the rest by a scan.
@Suite struct SearchIndexBuildTests {
    func mirrorMatches(_ mirror: MirrorStore, _ text: String) throws -> [String] {
        var ids: [String] = []
        var anchor = WindowAnchor.first
        while true {
            let window = try mirror.membersWindow(MemberFilter(text: text, includeDeleted: true), anchor: anchor, limit: 37)
            guard let last = window.last else { return ids }
            ids += window.map(\.object.id)
            anchor = .after(last.key)
        }
    }

    /// The same, paged from the end backwards (`.last`, then `.before`), in forward order.
    func mirrorMatchesBackwards(_ mirror: MirrorStore, _ text: String) throws -> [String] {
        var ids: [String] = []
        var anchor = WindowAnchor.last
        while true {
            let window = try mirror.membersWindow(MemberFilter(text: text, includeDeleted: true), anchor: anchor, limit: 37)
            guard let first = window.first else { return ids }
            ids = window.map(\.object.id) + ids
            anchor = .before(first.key)
        }
    }

    func serverMatches(_ client: PlatformClient, _ text: String) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let page = try await client.members(cursor: cursor, limit: 500, includeDeleted: true, query: text)
            ids += page.rows.map(\.id)
            cursor = page.hasMore ? page.nextCursor : nil
        } while cursor != nil
        return ids
    }

    func queries(_ members: [Member]) throws -> [String] {
        let named = try #require(members.first { $0.name.count >= 6 && $0.name.utf8.allSatisfy { $0 < 0x80 } })
        let accented = members.first { member in
            member.name.unicodeScalars.contains { (0xC0...0x17F).contains($0.value) }
        }
        var list = [String(named.name.dropFirst(1).prefix(4)).uppercased(), String(members[members.count / 2].email.prefix(6)),
                    String(members.last?.id.suffix(5) ?? "zzz"), "ex", "no-such-member-xyz"]
        // Upper case of a non-ASCII fragment: the scan must fold it as the index and the server do.
        let scalars = Array(try #require(accented, "the sandbox names some members with accents").name.unicodeScalars)
        let at = try #require(scalars.firstIndex { (0xC0...0x17F).contains($0.value) })
        let start = max(0, at - 1)
        list.append(String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 3)])).uppercased())
        return list
    }

    @Test func aFilterFindsWhatTheServerFindsBeforeWhileAndAfterTheIndexBuild() async throws {
        let harness = try await SyncHarness.start(members: 500, seed: 23)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce(buildIndexesUpTo: 0)
        let members = try harness.mirrorContents().members
        let texts = try queries(members)
        var expected: [String: Set<String>] = [:]
        for text in texts { expected[text] = Set(try await serverMatches(harness.engine.client, text)) }
        #expect(expected.values.contains { !$0.isEmpty })

        func check(_ stage: String) throws {
            for text in texts {
                let found = try mirrorMatches(harness.mirror, text)
                #expect(Set(found) == expected[text], "\(stage): \(text)")
                #expect(found.count == Set(found).count, "\(stage): no member twice for \(text)")
                #expect(try mirrorMatchesBackwards(harness.mirror, text) == found, "\(stage): backwards, \(text)")
            }
        }
        // Before: sync --once leaves the index to the next run; the scan answers.
        #expect(try await harness.mirror.searchIndexProgress().indexed == 0)
        try check("before the build")

        // While: one chunk of 200 members indexed, the other 300 scanned.
        let chunk = try await harness.mirror.buildSearchIndexChunk(limit: 200)
        #expect(chunk.indexed == 200 && !chunk.ready)
        try check("during the build")

        // After: everything indexed, and the feed keeps it current.
        try await harness.engine.buildSearchIndex(chunk: 200)
        let progress = try await harness.mirror.searchIndexProgress()
        #expect(progress.ready && progress.indexed == members.count)
        try check("after the build")
    }

    @Test func theFeedKeepsTheIndexedPartCurrentWhileTheRestIsScanned() async throws {
        let harness = try await SyncHarness.start(members: 300, seed: 24)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce(buildIndexesUpTo: 0)
        _ = try await harness.mirror.buildSearchIndexChunk(limit: 150)
        try await harness.server.simulateActivity(steps: 800, seed: 4)
        try await harness.engine.syncOnce(buildIndexesUpTo: 0)
        let members = try harness.mirrorContents().members
        for member in members.prefix(60) {
            let fragment = String(member.email.prefix(8))
            let expected = try await serverMatches(harness.engine.client, fragment)
            let found = try mirrorMatches(harness.mirror, fragment)
            #expect(Set(found) == Set(expected), "email \(fragment)")
            #expect(found.count == Set(found).count, "no member twice for \(fragment)")
        }
    }
}
