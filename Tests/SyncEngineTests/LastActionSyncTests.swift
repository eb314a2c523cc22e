import Foundation
import Mirror
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

/// `lastActionBy` / `lastActionAt` from the sandbox's actions to the mirror and `export --json`:
/// every kind of action, sent through the outbox, ends with the mirror equal to the sandbox
/// field for field.
@Suite struct LastActionSyncTests {
    @Test func everyKindOfActionReachesTheMirrorWithItsActor() async throws {
        let harness = try await SyncHarness.start(members: 300, seed: 7)
        defer { Task { await harness.stop() } }
        try await harness.engine.syncOnce()
        let mirrored = try harness.mirrorContents()
        let members = Dictionary(uniqueKeysWithValues: mirrored.members.map { ($0.id, $0) })
        let redemptions = Dictionary(uniqueKeysWithValues: mirrored.redemptions.map { ($0.id, $0) })
        let payoutReview = try #require(mirrored.reviews.first {
            $0.kind == .payout && $0.status == .open && redemptions[$0.subjectRef]?.status == .payoutFailed
        })
        let open = mirrored.reviews.filter { $0.status == .open && $0.id != payoutReview.id }
        let (toEscalate, toApprove) = (try #require(open.first), try #require(open.dropFirst().first))
        let pending = try #require(mirrored.redemptions.first {
            $0.status == .pendingApproval && members[$0.memberId]?.payoutReady == true
        })
        let reserved = try #require(mirrored.redemptions.first { $0.status == .reserved })
        #expect([toEscalate.lastActionBy, toApprove.lastActionBy, pending.lastActionBy, reserved.lastActionBy]
            .allSatisfy { $0 == nil })

        let actions: [(ActionSubject, String, ActionVerb, Int, String?)] = [
            (.review, toEscalate.id, .escalate, toEscalate.version, "needs finance"),
            (.review, toApprove.id, .approve, toApprove.version, nil),
            (.review, payoutReview.id, .approve, payoutReview.version, nil),
            (.redemption, pending.id, .approve, pending.version, nil),
            (.redemption, reserved.id, .escalate, reserved.version, "bank check"),
        ]
        var entries: [OutboxEntry] = []
        for (subject, id, verb, version, note) in actions {
            entries.append(try harness.engine.enqueue(subject: subject, objectId: id, verb: verb, expectedVersion: version,
                                                      note: note))
        }
        try await harness.engine.syncOnce()
        for entry in entries {
            #expect(try harness.mirror.outboxEntry(seq: entry.seq)?.state == .delivered, "\(entry.objectId)")
        }
        try await harness.expectMirrorEqualsSandbox()

        let ops = harness.server.keys.ops.id
        for id in [toEscalate.id, toApprove.id, payoutReview.id] {
            let review = try #require(try harness.mirror.review(id: id))
            #expect(review.lastActionBy == ops && review.lastActionAt == review.updatedAt, "\(id)")
        }
        for id in [pending.id, reserved.id, payoutReview.subjectRef] {
            let redemption = try #require(try harness.mirror.redemption(id: id))
            #expect(redemption.lastActionBy == ops && redemption.lastActionAt != nil, "\(id)")
        }
        #expect(try harness.mirror.redemption(id: payoutReview.subjectRef)?.status == .reserved)

        // `export --json` writes the contract's objects, the new fields with them.
        let exported = try Self.export(mirror: harness.directory.appendingPathComponent("mirror.sqlite").path)
        let reviews = try #require(exported["reviews"]?.arrayValue)
        let approved = try #require(reviews.first { $0["id"]?.stringValue == toApprove.id })
        #expect(approved["lastActionBy"]?.stringValue == ops)
        #expect(approved["lastActionAt"]?.stringValue == (try harness.mirror.review(id: toApprove.id))?.lastActionAt?.raw)
        let untouched = try #require(reviews.first { $0["id"]?.stringValue == open.last?.id })
        #expect(untouched["lastActionBy"] == .null && untouched["lastActionAt"] == .null)
        let exportedRedemptions = try #require(exported["redemptions"]?.arrayValue)
        #expect(exportedRedemptions.first { $0["id"]?.stringValue == reserved.id }?["lastActionBy"]?.stringValue == ops)
    }

    /// Runs the real binary's `export --json` on the mirror file.
    static func export(mirror: String) throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try SyncProcess.binaryPath())
        process.arguments = ["export", "--json"]
        var environment = ProcessInfo.processInfo.environment
        environment["REWARDS_OPS_MIRROR"] = mirror
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

private extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
