import Foundation
import GRDB
import RewardsContract
import Testing
@testable import Mirror

/// A mirror knows whose it is: one platform, one club, one environment; each key's own
/// identity; and which key each outbox entry belongs to.
@Suite struct MirrorIdentityTests {
    static let ops = Me(keyId: "mr_test_opsopsopsopsopsopsopsopsop", clubId: "club_a", clubName: "A Club",
                        environment: .test, role: .ops)

    func temporaryMirror() throws -> MirrorStore {
        try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-identity-\(UUID().uuidString).sqlite").path)
    }

    func remove(_ mirror: MirrorStore) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) }
    }

    @Test func theFirstIdentifiedSyncBindsAndAnotherClubOrEnvironmentOrHostIsRefused() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        #expect(try mirror.binding() == nil)
        try mirror.bind(Self.ops, keyId: Self.ops.keyId, baseURL: "http://127.0.0.1:8080")
        #expect(try mirror.binding() == MirrorBinding(baseURL: "http://127.0.0.1:8080", clubId: "club_a", clubName: "A Club",
                                                      environment: .test))

        // The same club on a new port of the same host: still this mirror (the URL is updated).
        try mirror.bind(Self.ops, keyId: Self.ops.keyId, baseURL: "http://127.0.0.1:9090")
        #expect(try mirror.binding()?.baseURL == "http://127.0.0.1:9090")

        var otherClub = Self.ops
        otherClub.clubId = "club_b"
        var live = Self.ops
        live.environment = .live
        for (me, url) in [(otherClub, "http://127.0.0.1:9090"), (live, "http://127.0.0.1:9090"),
                          (Self.ops, "https://api.example.com")] {
            let error = #expect(throws: MirrorIdentityMismatch.self) {
                try mirror.bind(me, keyId: "mr_test_otherotherotherotherother", baseURL: url)
            }
            #expect(error?.description.contains(mirror.path) == true)
            #expect(error?.description.contains("mr_test_otherotherotherotherother") == true)
            #expect(error?.description.contains("--reset-mirror") == true)
        }
        #expect(try mirror.identity(keyId: "mr_test_otherotherotherotherother") == nil, "a refused key is not recorded")
    }

    @Test func aKeyOnlyEverSeesItsOwnIdentity() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        try mirror.bind(Self.ops, keyId: Self.ops.keyId, baseURL: "http://127.0.0.1:8080")
        #expect(try mirror.identity(keyId: Self.ops.keyId)?.role == .ops)
        // A support key of the same club on the same mirror has no role until it is asked.
        #expect(try mirror.identity(keyId: "mr_test_supportsupportsupportsupp") == nil)
        var support = Self.ops
        support.keyId = "mr_test_supportsupportsupportsupp"
        support.role = .support
        try mirror.bind(support, keyId: support.keyId, baseURL: "http://127.0.0.1:8080")
        #expect(try mirror.identity(keyId: support.keyId)?.role == .support)
        #expect(try mirror.identity(keyId: Self.ops.keyId)?.role == .ops)
    }

    @Test func outboxEntriesAreOnlyHandedToTheirOwnKey() throws {
        let mirror = try temporaryMirror()
        defer { remove(mirror) }
        let mine = OutboxOwner(keyId: Self.ops.keyId, clubId: "club_a", environment: .test)
        let theirs = OutboxOwner(keyId: "mr_test_theirstheirstheirstheirs", clubId: "club_a", environment: .test)
        let entry = try mirror.enqueueAction(subject: .review, objectId: "rev_1", verb: .approve, body: Data("{}".utf8),
                                             baseVersion: 1, note: nil, idempotencyKey: "k1", owner: mine)
        _ = try mirror.enqueueAction(subject: .review, objectId: "rev_2", verb: .approve, body: Data("{}".utf8),
                                     baseVersion: 1, note: nil, idempotencyKey: "k2")
        #expect(entry.owner == mine)
        #expect(try mirror.nextOutboxEntry(for: theirs) == nil)
        #expect(try mirror.nextOutboxEntry(for: OutboxOwner(keyId: mine.keyId, clubId: "club_b", environment: .test)) == nil)
        #expect(try mirror.nextOutboxEntry(for: mine)?.seq == entry.seq)
        #expect(try mirror.pendingOutboxCount() == 2)
        #expect(try mirror.pendingOutboxCount(keyId: theirs.keyId) == 0)
        #expect(try mirror.pendingOutboxByKey() == [mine.keyId: 1, nil: 1])
    }

    @Test func aMirrorOfTheLastVersionKeepsWhatItKnewAboutItsKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-v5-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5-stable-search-keys")
        try queue.write { db in
            for (key, value) in [("me.keyId", Self.ops.keyId), ("me.clubId", "club_a"), ("me.clubName", "A Club"),
                                 ("me.environment", "test"), ("me.role", "ops")] {
                try db.execute(sql: "INSERT INTO sync_state (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            try db.execute(sql: """
                INSERT INTO outbox (idempotencyKey, subject, objectId, verb, body, baseVersion, state, createdAt, updatedAt)
                VALUES ('k1', 'review', 'rev_1', 'approve', x'7b7d', 1, 'queued', 0, 0)
                """)
        }
        try queue.close()

        let mirror = try MirrorStore(path: path)
        #expect(try mirror.binding()?.clubId == "club_a")
        #expect(try mirror.binding()?.baseURL == nil, "filled in by the next sync")
        #expect(try mirror.identity(keyId: Self.ops.keyId)?.role == .ops)
        let owner = OutboxOwner(keyId: Self.ops.keyId, clubId: "club_a", environment: .test)
        #expect(try mirror.nextOutboxEntry(for: owner)?.idempotencyKey == "k1", "the unsent entry is still its key's")
        try mirror.bind(Self.ops, keyId: Self.ops.keyId, baseURL: "http://127.0.0.1:1")
        #expect(try mirror.binding()?.baseURL == "http://127.0.0.1:1")
    }
}
