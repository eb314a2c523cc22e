import Foundation
import Mirror
import RewardsContract
import Sandbox
import Testing

/// approve and escalate through the real binary: they reach the sandbox exactly once, a
/// second identical run decides nothing, refusals exit 1 with the code and request id, and
/// a LIVE platform wants the short id.
@Suite(.serialized) struct HeadlessDecisionTests {
    func review(_ fixture: HeadlessFixture, _ id: String) async throws -> Review {
        try #require(try await fixture.server.snapshot().reviews.first { $0.id == id })
    }

    @Test func anApproveReachesTheSandboxOnceAndTheSameRunAgainSendsNothing() async throws {
        let fixture = try await HeadlessFixture.start(seed: 41)
        defer { Task { await fixture.stop() } }
        let before = try #require(try await fixture.server.snapshot().reviews.first { $0.status == .open })

        let first = try await fixture.run(["approve", before.id, "--note", "checked with the club"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.text.hasPrefix("Approved \(before.id): status approved, version \(before.version + 1) (request req_"))
        let after = try await review(fixture, before.id)
        #expect(after.status == .approved && after.version == before.version + 1 && after.note == "checked with the club")

        let again = try await fixture.run(["approve", before.id, "--note", "checked with the club", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        struct Report: Decodable { var result: String; var requestId: String?; var object: Review? }
        let report = try again.decoded(Report.self)
        #expect(report.result == "unchanged" && report.object == after)
        #expect(try await review(fixture, before.id) == after)

        let audit = try MirrorStore(path: fixture.mirrorPath).auditEntries().filter { $0.objectId == before.id }
        #expect(audit.map(\.result) == ["delivered", "queued"])
    }

    @Test func anEscalationRepeatedWithTheSameNoteEscalatesOnce() async throws {
        let fixture = try await HeadlessFixture.start(seed: 42)
        defer { Task { await fixture.stop() } }
        let before = try #require(try await fixture.server.snapshot().reviews.first { $0.status == .open && $0.escalationLevel == 0 })
        for _ in 0..<2 {
            let run = try await fixture.run(["escalate", before.id, "--note", "needs finance"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try await review(fixture, before.id).escalationLevel == 1)
        // Another note is another decision.
        let second = try await fixture.run(["escalate", before.id, "--note", "finance did not answer"])
        #expect(second.status == 0, "\(second.stderr)")
        let after = try await review(fixture, before.id)
        #expect(after.escalationLevel == 2 && after.version == before.version + 2)
    }

    @Test func noAnswerInTimeLeavesTheDecisionQueuedAndTheNextRunWaitsForIt() async throws {
        let fixture = try await HeadlessFixture.start(seed: 46)
        defer { Task { await fixture.stop() } }
        let open = try await fixture.server.snapshot().reviews.filter { $0.status == .open }
        try #require(open.count >= 2)
        let (held, target) = (open[0], open[1])
        #expect(try await fixture.run(["reviews", "--limit", "1"]).status == 0)
        // A decision taken in the console a moment ago waits out its undo window, and the
        // outbox goes in order: nothing behind it is sent before it.
        // Outbox entries belong to the key that took them (issue #16): this one is the same key's.
        let mirror = try MirrorStore(path: fixture.mirrorPath)
        let keyId = fixture.server.keys.ops.id
        let me = try #require(try mirror.identity(keyId: keyId))
        let console = try mirror.enqueueAction(subject: .review, objectId: held.id, verb: .approve,
                                               body: ActionRequest(expectedVersion: held.version).encodedBody(),
                                               baseVersion: held.version, note: nil, idempotencyKey: "console-\(UUID().uuidString)",
                                               owner: OutboxOwner(keyId: keyId, clubId: me.clubId, environment: me.environment),
                                               sendAfter: Date().addingTimeInterval(600))
        let late = try await fixture.run(["approve", target.id, "--wait", "1", "--json"])
        #expect(late.status == 1)
        struct Report: Decodable { var result: String }
        #expect(try late.decoded(Report.self).result == "pending")
        #expect(late.stderr.contains("No answer in time"), "\(late.stderr)")
        #expect(try await review(fixture, target.id) == target)

        // The operator withdraws the console's decision; the same command again sends the
        // queued approve (not a second one) and reports it applied.
        #expect(try mirror.cancelOutboxEntry(seq: console.seq))
        let again = try await fixture.run(["approve", target.id])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("already in the outbox"), "\(again.stderr)")
        let after = try await review(fixture, target.id)
        #expect(after.status == .approved && after.version == target.version + 1)
        #expect(try await review(fixture, held.id) == held)
        #expect(try mirror.auditEntries().filter { $0.objectId == target.id }.map(\.result) == ["delivered", "queued"])
    }

    @Test func refusalsExitOneWithTheCodeMessageAndRequestId() async throws {
        let fixture = try await HeadlessFixture.start(seed: 43)
        defer { Task { await fixture.stop() } }
        let snapshot = try await fixture.server.snapshot()
        let open = try #require(snapshot.reviews.first { $0.status == .open })
        // The mirror reads the review open at its version; meanwhile another mirror approves it.
        #expect(try await fixture.run(["reviews", "--limit", "1"]).status == 0)
        let elsewhere = fixture.directory.appendingPathComponent("elsewhere.sqlite").path
        #expect(try await fixture.run(["approve", open.id], environment: ["REWARDS_OPS_MIRROR": elsewhere]).status == 0)
        let stale = try await fixture.run(["approve", open.id, "--no-sync"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("Refused: approve \(open.id): version_conflict: "), "\(stale.stderr)")
        #expect(stale.stderr.contains("(request req_"), "\(stale.stderr)")

        let paid = try #require(snapshot.redemptions.first { $0.status == .paid })
        let notApprovable = try await fixture.run(["approve", paid.id, "--json"])
        #expect(notApprovable.status == 1)
        struct Report: Decodable { var result: String; var code: String?; var requestId: String? }
        let report = try notApprovable.decoded(Report.self)
        #expect(report.result == "refused" && report.code == "review_already_decided" && report.requestId?.hasPrefix("req_") == true)

        let readOnly = try await fixture.run(["escalate", open.id, "--note", "x"], key: fixture.server.keys.support)
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("Read-only key (role support)"))

        let missing = try await fixture.run(["approve", "rev_doesnotexist00"])
        #expect(missing.status == 3, "\(missing.stderr)")
        #expect(try await fixture.run(["approve", "mem_abc"]).status == 2)
        #expect(try await fixture.run(["escalate", open.id]).status == 2)
        #expect(try await fixture.run(["escalate", open.id, "--note", "  "]).status == 2)
    }

    @Test func aReadOnlyProfileOrAProfileOfTheOtherEnvironmentDecidesNothing() async throws {
        let fixture = try await HeadlessFixture.start(seed: 47)
        defer { Task { await fixture.stop() } }
        let open = try #require(try await fixture.server.snapshot().reviews.first { $0.status == .open })
        let folder = fixture.directory.appendingPathComponent("config/rewards-ops")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            [profiles.watch]
            base_url = "\(fixture.server.baseURL)"
            key_id = "\(fixture.key.id)"
            secret_env = "HEADLESS_TEST_SECRET"
            environment = "test"
            read_only = true

            [profiles.prod]
            base_url = "\(fixture.server.baseURL)"
            key_id = "\(fixture.key.id)"
            secret_env = "HEADLESS_TEST_SECRET"
            environment = "live"
            """.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let secret = ["HEADLESS_TEST_SECRET": fixture.key.secret]
        let watch = try await fixture.run(["approve", open.id, "--profile", "watch"], environment: secret)
        #expect(watch.status == 1)
        #expect(watch.stderr.contains("Profile watch is read only"), "\(watch.stderr)")
        let prod = try await fixture.run(["approve", open.id, "--profile", "prod", "--confirm", String(open.id.suffix(6))],
                                         environment: secret)
        #expect(prod.status == 1)
        #expect(prod.stderr.contains("The key is for TEST but the profile expects LIVE"), "\(prod.stderr)")
        #expect(try await review(fixture, open.id) == open)
        #expect(try MirrorStore(path: fixture.mirrorPath).auditEntries().isEmpty)
    }

    @Test func aLiveKeyNeedsTheShortIdToConfirm() async throws {
        let fixture = try await HeadlessFixture.start(seed: 44, environment: .live)
        defer { Task { await fixture.stop() } }
        let target = try #require(try await fixture.server.snapshot().reviews.first { $0.status != .approved })
        let shortId = String(target.id.suffix(6))

        let unconfirmed = try await fixture.run(["approve", target.id])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("LIVE platform: to approve \(target.id), confirm with --confirm \(shortId)"))
        let wrong = try await fixture.run(["approve", target.id, "--confirm", "zzzzzz"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("does not match"))
        #expect(try await review(fixture, target.id) == target)

        let confirmed = try await fixture.run(["approve", target.id, "--confirm", shortId])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try await review(fixture, target.id).status == .approved)
    }
}
