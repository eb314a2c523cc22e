import Foundation
import Mirror
import RewardsContract
import Sandbox
import SyncEngine
import TestSupport
import Testing

/// The secret never lands on disk: not in the mirror, not in its WAL, not in a debug log
/// that records every request's headers.
@Suite(.serialized) struct SecretHygieneTests {
    @Test func afterSyncAndDecisionsTheSecretIsNowhereOnDisk() async throws {
        let harness = try await SyncHarness.start(members: 150, seed: 51)
        defer { Task { await harness.stop() } }
        let key = harness.server.keys.ops
        let logFile = harness.directory.appendingPathComponent("rewards-ops.log")
        let output = harness.directory.appendingPathComponent("sync-output.log")
        let arguments = ["--log-file", logFile.path, "--log-level", "debug"]

        let first = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                          mirror: harness.mirror.path, once: true, log: output, extraArguments: arguments)
        #expect(try await first.wait(timeoutSeconds: 60) == 0)
        let open = try #require(try harness.mirrorContents().reviews.first { $0.status == .open })
        try harness.engine.enqueue(subject: .review, objectId: open.id, verb: .escalate, expectedVersion: open.version,
                                   note: "hygiene check")
        let second = try SyncProcess.start(baseURL: harness.server.baseURL, keyId: key.id, secret: key.secret,
                                           mirror: harness.mirror.path, once: true, log: output, extraArguments: arguments)
        #expect(try await second.wait(timeoutSeconds: 60) == 0)
        #expect(try await harness.server.snapshot().reviews.first { $0.id == open.id }?.status == .escalated)

        let log = try String(contentsOf: logFile, encoding: .utf8)
        #expect(log.contains("POST"), "the debug log records the decision's request")
        #expect(log.contains("Bearer [redacted]"), "headers were logged, and redacted")
        #expect(log.contains("v1=[redacted]"))
        let mode = try FileManager.default.attributesOfItem(atPath: logFile.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)

        var everything = Data()
        for path in [harness.mirror.path, harness.mirror.path + "-wal", logFile.path, output.path] {
            if let data = FileManager.default.contents(atPath: path) { everything.append(data) }
        }
        #expect(everything.range(of: Data(key.secret.utf8)) == nil, "the secret's bytes are on disk")
        #expect(everything.range(of: Data(key.id.utf8)) != nil, "control: the key id is there")
    }
}
