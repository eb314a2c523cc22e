import ArgumentParser
import Diagnostics
import Foundation
import InertText
import Mirror
import RewardsClient
import Settings

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, the key, the platform, the clock, the mirror and the terminal.",
        discussion: "Each line is ok, warn or fail with what to do. Exits non-zero when any check fails.")

    @OptionGroup var connection: ProfileOption
    @Flag(help: "One JSON document, for scripts.") var json = false

    func run() throws {
        LogSetup.silent()
        let environment = ProcessInfo.processInfo.environment
        let configPath = ConfigLoader.defaultPath(environment: environment)
        var credentials: Credentials?
        var problem: String?
        var expected: String?
        var mirrorPath: String?
        var mirrorRule: String?
        var profileName = connection.profile
        do {
            let settings = try ConnectionSettings.resolve(profile: connection.profile, environment: environment)
            credentials = settings.credentials
            expected = settings.expectedEnvironment
            profileName = settings.profileName
            (mirrorPath, mirrorRule) = Self.mirror(of: settings, environment: environment)
        } catch {
            problem = "\(error)"
        }
        let target = Doctor.Target(configPath: configPath, profileName: profileName, credentials: credentials,
                                   credentialsProblem: problem, expectedEnvironment: expected, mirrorPath: mirrorPath,
                                   mirrorRule: mirrorRule, environment: environment)
        let doctor = Doctor(target: target, terminalSize: TerminalSize.current())
        let checks = try blockingAwait { await doctor.run() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // The details quote the server (a club's name, an error's message): escaped so the
            // document reaches a terminal inert, and still parses to the same text.
            FileHandle.standardOutput.write(Data(Inert.json(Array(try encoder.encode(checks))) + Array("\n".utf8)))
        } else {
            for check in checks {
                var line = "\(check.status.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))"
                    + "\(check.name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(Inert.text(check.detail))"
                if let fix = check.fix, check.status != .ok { line += "\n      → \(Inert.text(fix))" }
                print(line)
            }
        }
        if checks.contains(where: { $0.status == .fail }) { throw ExitCode(1) }
    }

    /// The mirror's file and the rule that chose it, for the mirror line.
    static func mirror(of settings: ConnectionSettings, environment: [String: String]) -> (path: String?, rule: String) {
        if !(environment[ConnectionSettings.mirrorVariable] ?? "").isEmpty {
            return (settings.mirrorPath, "from \(ConnectionSettings.mirrorVariable)")
        }
        if let profile = settings.profileName { return (settings.mirrorPath, "profile \(profile)'s own file") }
        let directory = MirrorDirectory(environment: environment).path
        if settings.mirrorPending {
            return (nil, "one file per platform host, club and environment, \(directory)/<host>-<club>-<env>.sqlite; "
                         + "the key's first sync asks the platform for its club")
        }
        return (settings.mirrorPath, "the file of the key's host, club and environment")
    }
}

enum TerminalSize {
    static func current() -> (columns: Int, rows: Int)? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
