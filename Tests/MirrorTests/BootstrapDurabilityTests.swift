import Foundation
import Mirror
import RewardsContract
import Testing

/// A bootstrap skips its checkpoints' fsyncs only while the mirror holds nothing of its own
/// (a power cut then costs at most a file rebuilt from the platform), and the writer is back
/// to `synchronous = NORMAL` when asked.
@Suite struct BootstrapDurabilityTests {
    func temporaryMirror() throws -> (MirrorStore, String) {
        let path = NSTemporaryDirectory() + "durability-\(UUID().uuidString).sqlite"
        return (try MirrorStore(path: path), path)
    }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aMirrorWithNothingOfItsOwnIsRelaxedAndRestored() async throws {
        let (mirror, path) = try temporaryMirror()
        defer { remove(path) }
        #expect(try await mirror.writerSynchronous() == 1)
        #expect(try await mirror.relaxDurabilityForBootstrap())
        #expect(try await mirror.writerSynchronous() == 0)
        try await mirror.restoreDurability()
        #expect(try await mirror.writerSynchronous() == 1)
    }

    @Test func aDecisionInTheOutboxKeepsEveryFsync() async throws {
        let (mirror, path) = try temporaryMirror()
        defer { remove(path) }
        _ = try mirror.enqueueAction(subject: .review, objectId: "rev_1", verb: .approve, body: Data("{}".utf8),
                                     baseVersion: 1, note: nil, idempotencyKey: "k1")
        #expect(try await mirror.relaxDurabilityForBootstrap() == false)
        #expect(try await mirror.writerSynchronous() == 1)
    }

    /// The console may take a decision while the first bootstrap runs: the writer syncs again
    /// before the decision is written, and stays so for the rest of the pass.
    @Test func aDecisionTakenDuringTheRelaxedPassPutsTheFsyncsBackFirst() async throws {
        let (mirror, path) = try temporaryMirror()
        defer { remove(path) }
        #expect(try await mirror.relaxDurabilityForBootstrap())
        _ = try mirror.enqueueAction(subject: .review, objectId: "rev_1", verb: .approve, body: Data("{}".utf8),
                                     baseVersion: 1, note: nil, idempotencyKey: "k1")
        #expect(try await mirror.writerSynchronous() == 1)
        #expect(try mirror.pendingOutboxCount() == 1)
        // A local error does the same.
        let (other, otherPath) = try temporaryMirror()
        defer { remove(otherPath) }
        #expect(try await other.relaxDurabilityForBootstrap())
        try other.recordLocalError(LocalError(at: Date(), method: "GET", path: "/v1/members", httpStatus: 503,
                                              code: "service_unavailable", message: "down", retryable: true,
                                              requestId: nil, idempotencyKey: nil, attempt: 1))
        #expect(try await other.writerSynchronous() == 1)
    }
}
