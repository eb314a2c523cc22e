import Console
import Foundation
import Terminal
import Theme

/// Runs the console on this thread, one session after another on the same terminal: the
/// first profile's, then each one `:profile NAME` readies, until the operator quits.
enum ConsoleSession {
    /// How long an ended session's sync may take to stop before the next one starts anyway.
    /// A cancelled request ends at once; this only bounds a platform that does not let go.
    static let syncStopSeconds = 2.0

    static func run(_ first: SessionParts, monochrome: Bool, undoSeconds: Double = 5,
                    themes: ThemeLoader = ThemeLoader(), profiles: ProfileSwitcher? = nil,
                    choices: ProfileChoices? = nil) throws {
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal(palette: first.palette, monochrome: monochrome)
        } catch let error as TerminalError {
            throw CommandError("Cannot start the console: \(error)")
        }
        defer { terminal.shutdown() }
        let relay = InboxRelay()
        let trap = SignalTrap([SIGINT, SIGTERM, SIGHUP]) { number in
            relay.post(.key(number == SIGHUP ? .hangup : .ctrl("c")))
        }
        var parts = first
        var opening: [Message] = choices.map { [.profileChoicesLoaded($0)] } ?? []
        while true {
            let inbox = Inbox()
            relay.use(inbox)
            let runtime = ConsoleRuntime(terminal: terminal, mirror: parts.mirror, engine: parts.engine, inbox: inbox,
                                         environmentHint: parts.environmentHint, undoSeconds: undoSeconds,
                                         profileName: parts.profileName, profileReadOnly: parts.profileReadOnly,
                                         expectedEnvironment: parts.expectedEnvironment, keymap: parts.keymap)
            runtime.switchTheme = { name in terminal.apply(palette: try themes.load(name).palette) }
            runtime.setThemeNames(themes.availableNames())
            let running = parts
            if let profiles {
                runtime.switchProfile = { name in try profiles.prepare(name, running: running) }
            }
            for message in opening { runtime.dispatch(message) }
            let engine = parts.engine
            let sync = Task.detached { await engine.run(events: { inbox.post(.sync($0)) }) }
            runtime.run()
            sync.cancel()
            guard let next = profiles?.takePrepared() else { break }
            // The last frame says "Switching to profile …" while the old sync lets go.
            terminal.present(RootView.render(runtime.state))
            waitForEnd(of: sync, seconds: syncStopSeconds)
            let unsent = (try? parts.mirror.pendingOutboxCount()) ?? 0
            opening = [(profiles?.latestChoices ?? runtime.state.profileChoices).map(Message.profileChoicesLoaded),
                       .profileSwitched(from: parts.profileName, leftInOutbox: unsent)].compactMap { $0 }
            parts = next
            terminal.apply(palette: parts.palette)
        }
        _ = trap
    }

    /// Waits for a cancelled task, at most `seconds`.
    static func waitForEnd(of task: Task<Void, Never>, seconds: Double) {
        let ended = DispatchSemaphore(value: 0)
        Task.detached {
            await task.value
            ended.signal()
        }
        _ = ended.wait(timeout: .now() + seconds)
    }
}
