import ArgumentParser
import Console
import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Settings
import SyncEngine
import Terminal
import Theme

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The console: members, redemptions, the review queue and the error log (default).")

    @OptionGroup var connection: ProfileOption
    @Flag(help: "No colours (also when NO_COLOR is set).") var monochrome = false
    @Option(help: "Colour theme: default, light, high-contrast, monochrome, solarized-dark, gruvbox-dark, or your own.")
    var theme: String?

    func run() throws {
        let settings = try connection.settings()
        try LogSetup.silent(file: connection.logFile, level: connection.level, secrets: [settings.credentials.secret])
        let mirror = try MirrorStore(path: settings.mirrorPath)
        let client = PlatformClient(credentials: settings.credentials, recorder: MirrorFailureRecorder(mirror: mirror))
        let engine = SyncEngine(client: client, mirror: mirror, profileName: settings.profileName)
        try ConsoleSession.run(mirror: mirror, engine: engine, monochrome: monochrome,
                               environmentHint: KeyID.environment(of: settings.credentials.keyId),
                               profileName: settings.profileName, profileReadOnly: settings.readOnly,
                               expectedEnvironment: settings.expectedEnvironment.map(Environment.init(rawValue:)),
                               keymap: try keymap(settings.config), theme: theme ?? settings.theme)
    }
}

/// The config file's `[keys]`, or its error naming the file.
func keymap(_ config: ConsoleConfig) throws -> Keymap {
    do {
        return try Keymap.from(config.keys)
    } catch let error as Keymap.KeymapError {
        throw CommandError("\(config.path): \(error)")
    }
}

/// Starts the background sync, runs the UI loop on this thread, and restores the terminal.
enum ConsoleSession {
    static func run(mirror: MirrorStore, engine: SyncEngine, monochrome: Bool, environmentHint: Environment?,
                    undoSeconds: Double = 5, profileName: String? = nil, profileReadOnly: Bool = false,
                    expectedEnvironment: Environment? = nil, keymap: Keymap = Keymap(), theme: String? = nil) throws {
        let themes = ThemeLoader()
        let palette: TerminalPalette
        do {
            palette = try themes.load(theme ?? "default").palette
        } catch {
            throw CommandError("\(error)")
        }
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(palette: palette, monochrome: monochrome)
        } catch let error as TerminalError {
            throw CommandError("Cannot start the console: \(error)")
        }
        defer { terminal.shutdown() }
        let inbox = Inbox()
        let runtime = ConsoleRuntime(terminal: terminal, mirror: mirror, engine: engine, inbox: inbox,
                                     environmentHint: environmentHint, undoSeconds: undoSeconds,
                                     profileName: profileName, profileReadOnly: profileReadOnly,
                                     expectedEnvironment: expectedEnvironment, keymap: keymap)
        runtime.switchTheme = { name in terminal.apply(palette: try themes.load(name).palette) }
        runtime.setThemeNames(themes.availableNames())
        let sync = Task.detached { await engine.run(events: { inbox.post(.sync($0)) }) }
        defer { sync.cancel() }
        let trap = SignalTrap([SIGINT, SIGTERM, SIGHUP]) { number in
            inbox.post(.key(number == SIGHUP ? .hangup : .ctrl("c")))
        }
        runtime.run()
        _ = trap
    }
}
