import Diagnostics
import Foundation
import Mirror
import RewardsClient
import Sandbox
import Settings
import Testing

/// Each check fails when its cause is staged, against a real sandbox on loopback.
@Suite struct DoctorTests {
    func target(_ credentials: Credentials?, problem: String? = nil, expected: String? = nil, mirror: String? = nil,
                environment: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]) -> Doctor.Target {
        Doctor.Target(configPath: "/nonexistent/config.toml", profileName: nil, credentials: credentials,
                      credentialsProblem: problem, expectedEnvironment: expected, mirrorPath: mirror,
                      environment: environment)
    }

    func status(_ checks: [DoctorCheck], _ name: String) -> DoctorCheck.Status? {
        checks.last { $0.name == name }?.status
    }

    @Test func aHealthySetupPasses() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3))
        defer { Task { await server.stop() } }
        let key = server.keys.ops
        let checks = await Doctor(target: target(Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret)),
                                  terminalSize: (120, 40)).run()
        #expect(!checks.contains { $0.status == .fail }, "\(checks)")
        #expect(status(checks, "signed request") == .ok)
        #expect(status(checks, "clock") == .ok)
        #expect(checks.first { $0.name == "signed request" }?.detail.contains("role ops") == true)
    }

    @Test func eachStagedCauseFailsItsCheck() async throws {
        let server = try await SandboxServer.start(SandboxOptions(port: 0, members: 20, seed: 3))
        defer { Task { await server.stop() } }
        let key = server.keys.ops

        // A key of the other environment.
        let wrongEnv = try #require(server.keys.wrongEnv)
        let environment = await Doctor(target: target(Credentials(baseURL: server.baseURL, keyId: wrongEnv.id,
                                                                  secret: wrongEnv.secret)), terminalSize: nil).run()
        #expect(status(environment, "environment") == .fail)
        #expect(environment.first { $0.name == "environment" }?.detail.contains("a live key on a test server") == true)

        // A clock ten minutes fast.
        let skewed = await Doctor(target: target(Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret)),
                                  terminalSize: nil, now: { Date().addingTimeInterval(600) }).run()
        #expect(status(skewed, "clock") == .fail)
        #expect(skewed.contains { $0.detail.contains("ahead of the server") })

        // A wrong secret.
        let badSecret = await Doctor(target: target(Credentials(baseURL: server.baseURL, keyId: key.id, secret: "nope")),
                                     terminalSize: nil).run()
        #expect(status(badSecret, "signed request") == .fail)
        #expect(badSecret.contains { $0.detail.contains("invalid_signature") })

        // A profile expecting LIVE with a TEST key.
        let mismatch = await Doctor(target: target(Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret),
                                                   expected: "live"), terminalSize: nil).run()
        #expect(status(mismatch, "environment") == .fail)
    }

    @Test func anUnreachableServerFailsReachable() async {
        let checks = await Doctor(target: target(Credentials(baseURL: "http://127.0.0.1:9", keyId: "mr_test_abcdefghijklmnopqrstuvwx",
                                                             secret: "s")), terminalSize: nil).run()
        #expect(status(checks, "reachable") == .fail)
    }

    @Test func aSecretProblemAndAPoorTerminalAreReported() async {
        let checks = await Doctor(target: target(nil, problem: "/x/secret: secret file has mode 0644",
                                                 environment: ["TERM": "dumb", "LANG": "C"]),
                                  terminalSize: (70, 20)).run()
        #expect(status(checks, "secret") == .fail)
        #expect(status(checks, "platform") == .fail)
        #expect(status(checks, "terminal") == .fail)
        #expect(status(checks, "locale") == .warn)
        #expect(status(checks, "size") == .warn)
    }

    @Test func theMirrorIsChecked() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-doctor-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try MirrorStore(path: path)
        let checks = await Doctor(target: target(nil, problem: "none", mirror: path), terminalSize: nil).run()
        #expect(status(checks, "mirror") == .ok)
        #expect(status(checks, "freshness") == .warn, "a mirror never synced")
    }
}
