import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The UI loop of one session. It runs on one thread, the only one that touches the terminal:
/// read a key (briefly), apply every message through `Update`, hand the commands to the
/// session's work, carry out what effects ask of the terminal, draw.
public final class ConsoleRuntime {
    public private(set) var state: AppState
    let terminal: any TerminalBackend
    public let inbox: Inbox
    let runner: EffectRunner
    let mailbox: TerminalMailbox
    let work = SessionWork()
    private var lastTick = Date.distantPast
    static let tickInterval: TimeInterval = 0.25

    /// A session on `parts`, its effects able to reach the executable's `services`.
    public init(terminal: any TerminalBackend, parts: SessionParts, undoSeconds: Double = 5,
                services: SessionServices = SessionServices(), inbox: Inbox = Inbox()) {
        self.terminal = terminal
        self.inbox = inbox
        mailbox = TerminalMailbox(wake: inbox.wake)
        runner = EffectRunner(mirror: parts.mirror, engine: parts.engine, terminal: mailbox, services: services,
                              session: parts)
        let size = terminal.size
        var state = AppState(columns: size.columns, rows: size.rows)
        state.environmentHint = parts.environmentHint
        state.undoSeconds = undoSeconds
        state.profileName = parts.profileName
        state.keymap = parts.keymap
        state.profileReadOnly = parts.profileReadOnly
        state.expectedEnvironment = parts.expectedEnvironment
        state.profileChoices = parts.profileChoices
        state.outboxOutlivesSession = parts.outboxOutlivesSession
        state.themeNames = services.themes?.names ?? []
        // Only this key's own last answer: never another key's role, club or environment.
        state.identity = parts.engine.flatMap { try? parts.mirror.identity(keyId: $0.client.credentials.keyId) }
        state.lastSyncedAt = try? parts.mirror.lastSyncAt()
        self.state = state
    }

    /// A session without profiles or themes, on a mirror and (optionally) an engine.
    public convenience init(terminal: any TerminalBackend, mirror: MirrorStore, engine: SyncEngine?,
                            environmentHint: Environment? = nil, undoSeconds: Double = 5) {
        self.init(terminal: terminal,
                  parts: SessionParts(mirror: mirror, engine: engine, environmentHint: environmentHint,
                                      palette: TerminalPalette(ConsoleStyles.sheet) { _ in RoleStyle() }),
                  undoSeconds: undoSeconds)
    }

    deinit { end() }

    /// Runs until the operator quits or switches profile; the state then says which.
    public func run() {
        start()
        while !state.quitRequested {
            var changed = false
            // Sleep until a key, news in the inbox, or the next tick; an idle console costs nothing.
            let untilTick = Int(max(0, Self.tickInterval - Date().timeIntervalSince(lastTick)) * 1000) + 1
            if let key = terminal.readKey(timeoutMilliseconds: untilTick, wake: inbox.wake) {
                if key == .resize {
                    let size = terminal.size
                    dispatch(.resize(columns: size.columns, rows: size.rows))
                } else {
                    dispatch(.key(key))
                }
                changed = true
            }
            changed = step() || changed
            if changed && !state.quitRequested { terminal.present(RootView.render(state)) }
        }
    }

    /// Asks for every pane's first rows and draws the first frame.
    public func start() {
        execute(Update.start(&state))
        redraw()
    }

    /// Follows the platform's feed and delivers the outbox, as part of this session's work.
    public func followFeed() {
        guard let engine = runner.engine else { return }
        let inbox = self.inbox
        work.add { await engine.run(events: { inbox.post(.sync($0)) }) }
    }

    /// Cancels the session's work (effects in flight, the sync engine); waits for it at most
    /// `seconds` and says whether it stopped in time.
    @discardableResult
    public func end(waitingAtMost seconds: Double) -> Bool {
        mailbox.close()
        return work.end(waitingAtMost: seconds)
    }

    /// Cancels the session's work without waiting for it.
    public func end() {
        mailbox.close()
        work.end()
    }

    /// Renders the state and hands the frame to the terminal (which sends only what changed).
    public func redraw() {
        terminal.present(RootView.render(state))
    }

    /// No window is on its way, no message and no terminal request waits: what is on screen
    /// is what the mirror has.
    public var isSettled: Bool {
        state.awaitingMove == nil && !state.panes.isLoading && inbox.isEmpty && mailbox.isEmpty
    }

    /// Applies what the inbox holds, carries out the terminal requests and the clock tick;
    /// true when something may have changed.
    @discardableResult
    public func step(now: Date = Date()) -> Bool {
        var changed = mailbox.deliver(to: terminal)
        // The clock first: what the inbox brings is then stamped with this moment, not the last
        // tick's. After a stall (a suspended terminal, a starved machine) a message stamped with
        // the old time would be taken for old news and its flash dropped by this very tick.
        if now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            dispatch(.tick(now))
            changed = true
        }
        for message in inbox.drain() {
            dispatch(message)
            changed = true
        }
        return changed
    }

    public func dispatch(_ message: Message) {
        execute(Update.update(&state, message))
    }

    private func execute(_ commands: [Command]) {
        let runner = self.runner
        let inbox = self.inbox
        for command in commands {
            work.add {
                if let message = await runner.run(command) { inbox.post(message) }
            }
        }
    }
}
