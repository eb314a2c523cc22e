import Foundation
import Mirror
import RewardsContract
import TestSupport
import Testing

/// Member search as you type: the trigram index (three characters or more) and the short
/// fallback must agree with a plain substring match over the same rows.
@Suite struct MemberSearchTests {
    func allMatching(_ mirror: MirrorStore, _ text: String) throws -> [String] {
        var ids: [String] = []
        var anchor = WindowAnchor.first
        while true {
            let window = try mirror.membersWindow(MemberFilter(text: text, includeDeleted: true), anchor: anchor, limit: 50)
            guard let last = window.last else { return ids }
            ids += window.map(\.object.id)
            anchor = .after(last.key)
        }
    }

    func expected(_ members: [Member], _ text: String) -> [String] {
        let needle = text.lowercased()
        return members.filter { member in
            [member.name, member.email, member.externalRef, member.id].contains { $0.lowercased().contains(needle) }
        }.map(\.id)
    }

    @Test func searchMatchesSubstringsCaseInsensitively() async throws {
        let harness = try await SyncHarness.start(members: 400, seed: 17)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let members = try harness.mirrorContents().members
        let sample = try #require(members.first { $0.name.count >= 6 && $0.name.unicodeScalars.allSatisfy { $0.value < 0x2000 } })
        let fragment = String(sample.name.dropFirst(1).prefix(4))
        for query in [fragment, fragment.uppercased(), String(sample.email.prefix(5)), String(sample.id.suffix(5)), "e", "zz",
                      "no-such-member-xyz"] {
            let found = try allMatching(harness.mirror, query)
            #expect(found == expected(members, query), "query \(query)")
        }
        #expect(!(try allMatching(harness.mirror, fragment)).isEmpty)
    }

    @Test func theIndexFollowsUpdatesAndPurges() async throws {
        let harness = try await SyncHarness.start(members: 150, seed: 18)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        try await harness.server.simulateActivity(steps: 800, seed: 4)
        try await harness.engine.syncOnce()
        let members = try harness.mirrorContents().members
        // Members that arrive or change after the bootstrap come after it in a text filter's
        // order (the search index's), so compare as sets, and check nothing comes twice.
        for member in members.prefix(40) {
            let fragment = String(member.email.prefix(8))
            let found = try allMatching(harness.mirror, fragment)
            #expect(Set(found) == Set(expected(members, fragment)), "email \(fragment)")
            #expect(found.count == Set(found).count, "no member twice for \(fragment)")
        }
        // CJK and accented names are found by three characters of their own script.
        if let cjk = members.first(where: { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }),
           cjk.name.count >= 3 {
            let fragment = String(cjk.name.prefix(3))
            #expect(Set(try allMatching(harness.mirror, fragment)) == Set(expected(members, fragment)))
        }
    }
}

@Suite struct QueueFilterTests {
    @Test func reviewsAndRedemptionsFilterByIdOrMemberName() async throws {
        let harness = try await SyncHarness.start(members: 300, seed: 19)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let contents = try harness.mirrorContents()
        let names = Dictionary(uniqueKeysWithValues: contents.members.map { ($0.id, $0.name) })
        let review = try #require(contents.reviews.first)
        let byId = try harness.mirror.reviewsWindow(ReviewFilter(text: String(review.id.suffix(6))), anchor: .first, limit: 50)
        #expect(byId.map(\.object.review.id).contains(review.id))
        let name = try #require(names[review.memberId])
        let fragment = String(name.prefix(4)).lowercased()
        let byName = try harness.mirror.reviewsWindow(ReviewFilter(text: fragment), anchor: .first, limit: 500)
        let expected = contents.reviews.filter { candidate in
            [candidate.id, candidate.subjectRef, candidate.memberId, names[candidate.memberId] ?? ""]
                .contains { $0.lowercased().contains(fragment) }
        }
        #expect(Set(byName.map(\.object.review.id)) == Set(expected.map(\.id)))
        let redemption = try #require(contents.redemptions.first)
        let redemptions = try harness.mirror.redemptionsWindow(RedemptionFilter(pendingOnly: false, text: redemption.memberId),
                                                               anchor: .first, limit: 500)
        #expect(Set(redemptions.map(\.object.redemption.id))
                == Set(contents.redemptions.filter { $0.memberId == redemption.memberId }.map(\.id)))
    }
}
