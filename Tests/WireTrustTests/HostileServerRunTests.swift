import Foundation
import Mirror
import RewardsContract
import TestSupport
import Testing

/// The real binary against a server that breaks the contract, one broken behaviour at a time
/// (issue #16): no crash, the command ends within its budget with a clear message, the
/// mirror's integrity_check is ok, and no ESC, BEL, C1 or bidi control from the server reaches
/// standard output, standard error or the log file.
@Suite(.timeLimit(.minutes(5))) struct HostileServerRunTests {
    static let key = "mr_test_hostilehostilehostilehost"
    /// The sync's own budget and per-attempt timeout; a run that outlives `ceiling` is killed.
    static let budget = ["--retry-budget", "3", "--request-timeout", "3"]
    static let ceiling = 60.0

    struct Stage {
        let server: HostileServer
        let elsewhere: HostileServer
        let directory: URL
        var mirror: String { directory.appendingPathComponent("mirror.sqlite").path }
        var log: String { directory.appendingPathComponent("rewards-ops.log").path }

        var environment: [String: String] {
            ["REWARDS_OPS_BASE_URL": server.baseURL, "REWARDS_OPS_KEY_ID": HostileServerRunTests.key,
             "REWARDS_OPS_KEY_SECRET": "hostile-secret", "REWARDS_OPS_MIRROR": mirror]
        }

        func stop() async {
            await server.stop()
            await elsewhere.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func stage(_ behaviour: HostileBehaviour) async throws -> Stage {
        let elsewhere = try await HostileServer.start { _ in .json(200, #"{"ok":true,"data":{}}"#) }
        let server = try await HostileServer.start(HostilePlatform(behaviour, elsewhere: elsewhere.baseURL).respond)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return Stage(server: server, elsewhere: elsewhere, directory: directory)
    }

    static func expectInert(_ data: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let hazard = TerminalHazards.first(in: data) {
            let around = String(decoding: data.prefix(hazard.offset + 40).suffix(120), as: UTF8.self)
            Issue.record("\(hazard.what) at byte \(hazard.offset) of \(what): …\(around.debugDescription)",
                         sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: HostileBehaviour.allCases)
    func syncOnceEndsWithinItsBudgetAndLetsNothingThrough(behaviour: HostileBehaviour) async throws {
        let stage = try await Self.stage(behaviour)
        defer { Task { await stage.stop() } }
        // Global options before the subcommand, as issue #16 found refused.
        let run = try await BinaryRun.run(["--log-file", stage.log, "sync", "--once"] + Self.budget,
                                          environment: stage.environment, timeoutSeconds: Self.ceiling)
        #expect(run.status != -9, "\(behaviour): still running after \(Self.ceiling) s")
        #expect(run.status == (behaviour.syncSucceeds ? 0 : 1), "\(behaviour): exit \(run.status)\n\(run.errors)")
        #expect(run.seconds < 40, "\(behaviour): took \(run.seconds) s with a 3 s budget")
        if !behaviour.syncSucceeds {
            #expect(run.errors.contains("sync failed: "), "\(behaviour): \(run.errors)")
        }
        Self.expectInert(run.stdout, "stdout")
        Self.expectInert(run.stderr, "stderr")
        let log = FileManager.default.contents(atPath: stage.log) ?? Data()
        #expect(!log.isEmpty, "\(behaviour): the log at info tells the story")
        Self.expectInert(log, "the log file")
        if FileManager.default.fileExists(atPath: stage.mirror) {
            #expect(try MirrorStore(path: stage.mirror).integrityCheck() == "ok")
        }
        #expect(stage.elsewhere.requests.isEmpty, "\(behaviour): a request went to another origin")
    }

    @Test(arguments: HostileBehaviour.allCases)
    func doctorEndsAndItsTextAndJSONAreInert(behaviour: HostileBehaviour) async throws {
        let stage = try await Self.stage(behaviour)
        defer { Task { await stage.stop() } }
        let text = try await BinaryRun.run(["doctor"], environment: stage.environment, timeoutSeconds: Self.ceiling)
        let json = try await BinaryRun.run(["doctor", "--json"], environment: stage.environment, timeoutSeconds: Self.ceiling)
        for run in [text, json] {
            #expect(run.status != -9, "\(behaviour): doctor still running after \(Self.ceiling) s")
            #expect(run.seconds < 40)
            Self.expectInert(run.stdout, "doctor's stdout")
            Self.expectInert(run.stderr, "doctor's stderr")
        }
        // The terminal check fails (no TERM here), so doctor exits 1 either way; it must still say why.
        #expect(text.status == 1)
        let checks = try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]]
        let signed = checks?.first { $0["name"] as? String == "signed request" }?["detail"] as? String
        if behaviour.meAnswers {
            // Escaped on the wire, the same text once parsed: the club's name as the server sent it.
            #expect(signed?.contains("Evil\u{202e}Club\u{9b}31m") == true, "\(String(describing: signed))")
            #expect(text.output.contains("Evil"))
        } else if [.retryAfterHuge, .retryAfterNaN, .retryAfterLong].contains(behaviour) {
            // A 429 means the key and signature passed (§11); the rate-limit line says what happened.
            let rate = checks?.first { $0["name"] as? String == "rate limit" }
            #expect(rate?["status"] as? String == "warn", "\(behaviour): \(text.output)")
            #expect((rate?["detail"] as? String)?.contains("429") == true)
        } else {
            let failed = checks?.filter { $0["status"] as? String == "fail" }.compactMap { $0["name"] as? String } ?? []
            #expect(failed.contains("reachable") || failed.contains("signed request"), "\(behaviour): \(text.output)")
        }
        #expect(stage.elsewhere.requests.isEmpty)
    }
}
