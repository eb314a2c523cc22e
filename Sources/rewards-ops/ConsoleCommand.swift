import ArgumentParser
import Console
import Theme

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The console: members, redemptions, the review queue and the error log (default).")

    @OptionGroup var connection: ProfileOption
    @Flag(help: "No colours (also when NO_COLOR is set).") var monochrome = false
    @Option(help: "Colour theme: default, light, high-contrast, monochrome, solarized-dark, gruvbox-dark, or your own.")
    var theme: String?
    @Flag(help: "Start the mirror over: remove its file first (refused while it holds unsent decisions).")
    var resetMirror = false

    func run() throws {
        let settings = try connection.settings()
        try LogSetup.silent(file: connection.logFile, level: connection.level, secrets: [settings.credentials.secret])
        if resetMirror { try MirrorOpening.reset(path: settings.mirrorPath) }
        let themes = ThemeLoader(sheet: ConsoleStyles.sheet)
        let first = try SessionParts.open(settings, theme: theme ?? settings.theme ?? "default", themes: themes)
        try ConsoleSession.run(first, monochrome: monochrome, themes: themes,
                               profiles: ProfileSwitcher(commandLineTheme: theme, themes: themes))
    }
}
