import Foundation
import Mirror
import RewardsContract
import TestSupport
import Testing

/// Which mirror a command opens, through the real binary: one per platform host, club and
/// environment by default; another club's mirror refused (and started over on request); a
/// mistyped REWARDS_OPS_MIRROR refused; the environment variables winning over a broken config.
@Suite(.timeLimit(.minutes(3))) struct MirrorChoiceRunTests {
    static let key = HostileServerRunTests.key

    func hostile() async throws -> (HostileServer, URL, [String: String]) {
        let server = try await HostileServer.start(HostilePlatform(.escapes).respond)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-choice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let environment = ["REWARDS_OPS_BASE_URL": server.baseURL, "REWARDS_OPS_KEY_ID": Self.key,
                           "REWARDS_OPS_KEY_SECRET": "hostile-secret",
                           "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                           "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path]
        return (server, directory, environment)
    }

    @Test func theDefaultMirrorIsPerHostClubAndEnvironmentAndIsFoundAgainOffline() async throws {
        let (server, directory, environment) = try await hostile()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await BinaryRun.run(["sync", "--once", "--retry-budget", "2"], environment: environment, timeoutSeconds: 60)
        #expect(first.status == 0, "\(first.errors)")
        let expected = directory.appendingPathComponent("data/rewards-ops/127.0.0.1-\(HostilePlatform.clubId)-test.sqlite").path
        #expect(FileManager.default.fileExists(atPath: expected))
        #expect(first.errors.contains(expected))

        // Export needs no secret and no network, and its JSON is inert and means what the server sent.
        var noSecret = environment
        noSecret["REWARDS_OPS_KEY_SECRET"] = nil
        let export = try await BinaryRun.run(["export", "--json", "--type", "members"], environment: noSecret, timeoutSeconds: 60)
        #expect(export.status == 0, "\(export.errors)")
        HostileServerRunTests.expectInert(export.stdout, "export --json")
        let members = try JSONDecoder().decode([String: [Member]].self, from: export.stdout)["members"] ?? []
        #expect(members.count == 2)
        #expect(members.first?.name.contains("\u{1b}]0;pwned\u{7}") == true, "the JSON gives back the bytes as sent")

        // Offline: the key's mirror is still found (the failure is the network's, not "which file?").
        await server.stop()
        let offline = try await BinaryRun.run(["sync", "--once", "--retry-budget", "1"], environment: environment,
                                              timeoutSeconds: 60)
        #expect(offline.status == 1)
        #expect(offline.errors.contains("connection refused by 127.0.0.1:\(server.port)"), "\(offline.errors)")
        #expect(!offline.errors.contains("has not said which club"))
    }

    @Test func anotherClubsMirrorIsRefusedUntilResetAndResetNeverLosesADecision() async throws {
        let (server, directory, environment) = try await hostile()
        defer { Task { await server.stop() }; try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shared.sqlite").path
        let otherKey = "mr_test_otherclubotherclubotherclub"
        do {
            let other = try MirrorStore(path: path)
            try other.bind(Me(keyId: otherKey, clubId: "club_other", clubName: "Other", environment: .test, role: .ops),
                           keyId: otherKey, baseURL: server.baseURL)
            try other.enqueueAction(subject: .review, objectId: "rev_1", verb: .approve, body: Data("{}".utf8), baseVersion: 1,
                                    note: nil, idempotencyKey: "k1",
                                    owner: OutboxOwner(keyId: otherKey, clubId: "club_other", environment: .test))
        }
        var shared = environment
        shared["REWARDS_OPS_MIRROR"] = path
        let refused = try await BinaryRun.run(["sync", "--once"], environment: shared, timeoutSeconds: 60)
        #expect(refused.status == 1)
        for part in [path, Self.key, "club_other", HostilePlatform.clubId, "--reset-mirror"] {
            #expect(refused.errors.contains(part), "the refusal names \(part): \(refused.errors)")
        }
        #expect(try MirrorStore(path: path).binding()?.clubId == "club_other")
        #expect(try MirrorStore(path: path).integrityCheck() == "ok")

        // Reset would lose the other key's unsent decision: refused.
        let keeps = try await BinaryRun.run(["sync", "--once", "--reset-mirror"], environment: shared, timeoutSeconds: 60)
        #expect(keeps.status == 1)
        #expect(keeps.errors.contains("Not reset") && keeps.errors.contains(otherKey), "\(keeps.errors)")
        #expect(try MirrorStore(path: path).pendingOutboxCount() == 1)

        // Once it is gone (withdrawn here), --reset-mirror starts over, global flag first.
        _ = try MirrorStore(path: path).cancelOutboxEntry(seq: 1)
        let reset = try await BinaryRun.run(["--reset-mirror", "sync", "--once"], environment: shared, timeoutSeconds: 60)
        #expect(reset.status == 0, "\(reset.errors)")
        #expect(try MirrorStore(path: path).binding()?.clubId == HostilePlatform.clubId)
    }

    @Test func aMistypedMirrorDirectoryIsRefusedNotCreated() async throws {
        let (server, directory, environment) = try await hostile()
        defer { Task { await server.stop() }; try? FileManager.default.removeItem(at: directory) }
        var typo = environment
        let missing = directory.appendingPathComponent("no/such/dir").path
        typo["REWARDS_OPS_MIRROR"] = missing + "/m.sqlite"
        let run = try await BinaryRun.run(["sync", "--once"], environment: typo, timeoutSeconds: 60)
        #expect(run.status == 1)
        #expect(run.errors.contains("the directory \(missing) does not exist"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(server.requests.isEmpty, "nothing is sent before the mirror is settled")
    }

    @Test func theEnvironmentVariablesWinOverABrokenConfigWhichDoctorStillReports() async throws {
        let (server, directory, environment) = try await hostile()
        defer { Task { await server.stop() }; try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config/rewards-ops")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("default_profile = \"x\"\n[[[ broken\n".utf8).write(to: config.appendingPathComponent("config.toml"))
        let sync = try await BinaryRun.run(["sync", "--once"], environment: environment, timeoutSeconds: 60)
        #expect(sync.status == 0, "\(sync.errors)")
        let doctor = try await BinaryRun.run(["doctor", "--json"], environment: environment, timeoutSeconds: 60)
        let checks = try JSONSerialization.jsonObject(with: doctor.stdout) as? [[String: Any]]
        #expect(checks?.first { $0["name"] as? String == "config" }?["status"] as? String == "fail")
        #expect(checks?.first { $0["name"] as? String == "signed request" }?["status"] as? String == "ok")
        // A profile, though, needs the file: its error is the answer.
        let profile = try await BinaryRun.run(["--profile", "x", "sync", "--once"], environment: environment, timeoutSeconds: 60)
        #expect(profile.status == 1)
        #expect(profile.errors.contains("config.toml:2"), "\(profile.errors)")
    }
}
