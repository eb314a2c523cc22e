import Console
import Foundation
import Terminal
import Theme

/// The console on this thread: an ncurses terminal, signals turned into keys, and
/// `SessionLoop` running the first profile's session and each one `:profile NAME` opens.
enum ConsoleSession {
    static func run(_ first: SessionParts, monochrome: Bool, undoSeconds: Double = 5,
                    themes: ThemeLoader, profiles: ProfileSwitcher? = nil) throws {
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(sheet: ConsoleStyles.sheet, palette: first.palette, monochrome: monochrome)
        } catch let error as TerminalError {
            throw CommandError("Cannot start the console: \(error)")
        }
        defer { terminal.shutdown() }
        let loop = SessionLoop(terminal: terminal, services: SessionServices(themes: themes, profiles: profiles),
                               undoSeconds: undoSeconds)
        let relay = loop.relay
        let trap = SignalTrap([SIGINT, SIGTERM, SIGHUP]) { number in
            relay.post(.key(number == SIGHUP ? .hangup : .ctrl("c")))
        }
        let last = loop.run(first)
        _ = trap
        // Said on the terminal once ncurses has let go of it: what quitting left behind.
        terminal.shutdown()
        if let note = last.exitNote { print(note) }
    }
}
