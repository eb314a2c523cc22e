import Foundation
import Mirror
import RewardsContract

/// A mirror of a club with `members` members (and a review queue and redemptions in
/// proportion), built once through the mirror's own bootstrap path and kept under
/// `.build-bench/fixtures/`, so that every benchmark after the first opens it in a moment.
public enum MirrorFixture {
    /// The mirror's path; built first when missing. Names are deterministic, with some
    /// CJK, accented and emoji names so that the width code is on the measured path.
    public static func path(members: Int) throws -> String {
        let directory = FileManager.default.currentDirectoryPath + "/.build-bench/fixtures"
        let path = "\(directory)/mirror-\(members).sqlite"
        if FileManager.default.fileExists(atPath: path + ".complete") { return path }
        try? FileManager.default.removeItem(atPath: path)
        try build(at: path, members: members)
        FileManager.default.createFile(atPath: path + ".complete", contents: Data())
        return path
    }

    public static func build(at path: String, members: Int) throws {
        let mirror = try MirrorStore(path: path)
        try mirror.beginBootstrap(head: "fixture")
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        try loadPages(of: members, into: mirror) { member($0, now: now) }
        try loadPages(of: max(10, members / 100), into: mirror) { review($0, members: members, now: now) }
        try loadPages(of: max(10, members / 50), into: mirror) { redemption($0, members: members, now: now) }
        try mirror.completeBootstrap(at: now)
        // The console's filters are measured on a mirror whose search index is built.
        try mirror.buildSearchIndex()
        try mirror.checkpoint()
    }

    /// One list's rows, a bootstrap page of 1,000 at a time, as the sync engine stores them.
    static func loadPages<Object: Sendable>(of count: Int, into mirror: MirrorStore, make: (Int) -> Object) throws
        where Object: Identifiable, Object.ID == String {
        let pageSize = 1000
        var previous: String?
        for start in stride(from: 0, to: count, by: pageSize) {
            let page = (start..<min(count, start + pageSize)).map(make)
            try mirror.applyBootstrapPage(page, previousLastId: previous, nextCursor: "page\(start)",
                                          isLast: start + pageSize >= count)
            previous = page.last?.id
        }
    }

    static let givenNames = ["Ana", "Bruno", "Chloé", "Dmitri", "Eun-ji", "Fatima", "Gustavo", "Hana", "Ines", "João",
                             "Kenji", "Lucía", "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rafaela", "Sven", "Tomás",
                             "王", "李", "김", "さくら", "Zoë 🌟"]
    static let familyNames = ["Almeida", "Bauer", "Costa", "Dubois", "Esposito", "Fischer", "García", "Hoffmann", "Ivanova",
                              "Jensen", "Kowalski", "Lopes", "Moreau", "Nakamura", "Oliveira", "Pereira", "Rossi",
                              "Schmidt", "Tanaka", "Usman", "小明", "芳", "민수", "Ünal", "Wójcik"]

    public static func memberId(_ index: Int) -> String { "mem_" + String(format: "%08d", index) }

    static func member(_ index: Int, now: Date) -> Member {
        let given = givenNames[index % givenNames.count]
        let family = familyNames[(index / givenNames.count) % familyNames.count]
        let created = Timestamp(now.addingTimeInterval(-Double(index % 86_400) * 60))
        let available = (index * 7919) % 50_000
        return Member(id: memberId(index), version: 1 + index % 5, createdAt: created, updatedAt: created,
                      clubId: "club_bench", externalRef: "ext-\(index * 31 % 9_999_991)",
                      name: "\(given) \(family) \(index)", email: "member\(index)@example.org",
                      status: index % 97 == 0 ? .suspended : .active, pointsAvailable: available,
                      pointsPending: index % 13 == 0 ? 120 : 0, pointsLifetime: available + index % 10_000,
                      payoutReady: index % 3 == 0, currency: "EUR")
    }

    static func review(_ index: Int, members: Int, now: Date) -> Review {
        let created = Timestamp(now.addingTimeInterval(-Double(index) * 37))
        let memberIndex = (index * 104_729) % members
        return Review(id: "rev_" + String(format: "%08d", index), version: 1, createdAt: created, updatedAt: created,
                      kind: index % 2 == 0 ? .reversal : .payout, reasonCode: "insufficient_points",
                      memberId: memberId(memberIndex), subjectRef: "red_" + String(format: "%08d", index),
                      pointsRequested: 500 + index % 700, pointsAvailable: 300 + index % 400, amountMinor: 1250,
                      currency: "EUR", status: index % 5 == 0 ? .escalated : (index % 7 == 0 ? .approved : .open),
                      escalationLevel: index % 5 == 0 ? 1 : 0)
    }

    static func redemption(_ index: Int, members: Int, now: Date) -> Redemption {
        let created = Timestamp(now.addingTimeInterval(-Double(index) * 53))
        let statuses: [RedemptionStatus] = [.pendingApproval, .reserved, .paid, .payoutFailed, .escalated, .paid]
        return Redemption(id: "red_" + String(format: "%08d", index), version: 1, createdAt: created, updatedAt: created,
                          memberId: memberId((index * 7_919) % members), points: 100 + index % 900,
                          cashValueMinor: 100 + index % 900, currency: "EUR", status: statuses[index % statuses.count],
                          payoutAttempts: index % 3)
    }
}
