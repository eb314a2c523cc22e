import Foundation
import Mirror
import RewardsContract
import Testing

/// The rows on screen ask the outbox for each one's latest decision, in one statement whose
/// id slots come in fixed counts (spare ones NULL).
@Suite struct LatestOutboxEntriesTests {
    @Test func latestLiveEntryPerIdWhateverTheIdsHoldAndCancelledOnesIgnored() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-latest-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mirror = try MirrorStore(path: path)
        let ids = ["rev_plain", "rev_\"quoted\"", "rev_ü🌟", "rev_cancelled"]
        var latest: [String: Int64] = [:]
        for (index, id) in ids.enumerated() {
            for verb in [ActionVerb.approve, .escalate] {
                let entry = try mirror.enqueueAction(subject: .review, objectId: id, verb: verb,
                                                     body: ActionRequest(expectedVersion: 1).encodedBody(), baseVersion: 1,
                                                     note: nil, idempotencyKey: "key-\(index)-\(verb.rawValue)")
                latest[id] = entry.seq
            }
        }
        let cancelled = try #require(latest["rev_cancelled"])
        #expect(try mirror.cancelOutboxEntry(seq: cancelled))

        // More ids than the smallest count of slots, as on a tall screen.
        let found = try mirror.latestOutboxEntries(objectIds: ids + ["rev_unknown"] + (0..<20).map { "rev_none_\($0)" })
        #expect(Set(found.keys) == ["rev_plain", "rev_\"quoted\"", "rev_ü🌟", "rev_cancelled"])
        for id in ["rev_plain", "rev_\"quoted\"", "rev_ü🌟"] {
            #expect(found[id]?.seq == latest[id])
            #expect(found[id]?.verb == .escalate)
        }
        // The cancelled escalation gives way to the approval before it.
        #expect(found["rev_cancelled"]?.verb == .approve)
        #expect(try mirror.latestOutboxEntries(objectIds: []).isEmpty)
        #expect(try mirror.latestOutboxEntries(objectIds: ["rev_unknown"]).isEmpty)
    }
}
