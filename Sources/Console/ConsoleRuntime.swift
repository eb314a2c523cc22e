import Foundation
import Mirror
import RewardsContract
import Synchronization
import SyncEngine
import Terminal

/// Messages posted from other threads (effects, the sync engine, signals) for the UI loop.
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])
    /// Signalled on every post, so the UI loop stops waiting for a key and shows the news.
    public let wake: WakeSignal?

    public init() {
        wake = try? WakeSignal()
    }

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        wake?.signal()
    }

    public var isEmpty: Bool { messages.withLock { $0.isEmpty } }

    func drain() -> [Message] {
        messages.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}

struct ThemeSwitchUnavailable: Error, CustomStringConvertible {
    var description: String { "Themes cannot be switched here" }
}

struct ProfileSwitchUnavailable: Error, CustomStringConvertible {
    var description: String { "profiles cannot be switched here" }
}

/// The UI loop. It runs on one thread, the only one that touches the terminal: read a key
/// (briefly), apply every message through `Update`, run the effects, draw.
public final class ConsoleRuntime {
    public private(set) var state: AppState
    let terminal: any TerminalBackend
    let runner: EffectRunner
    public let inbox: Inbox
    private var lastTick = Date.distantPast
    static let tickInterval: TimeInterval = 0.25

    public init(terminal: any TerminalBackend, mirror: MirrorStore, engine: SyncEngine?, inbox: Inbox = Inbox(),
                environmentHint: Environment? = nil, undoSeconds: Double = 5, profileName: String? = nil,
                profileReadOnly: Bool = false, expectedEnvironment: Environment? = nil, keymap: Keymap = Keymap()) {
        self.terminal = terminal
        self.inbox = inbox
        self.runner = EffectRunner(mirror: mirror, engine: engine, post: { [inbox] in inbox.post($0) })
        let size = terminal.size
        var state = AppState(columns: size.columns, rows: size.rows)
        state.environmentHint = environmentHint
        state.undoSeconds = undoSeconds
        state.profileName = profileName
        state.keymap = keymap
        state.profileReadOnly = profileReadOnly
        state.expectedEnvironment = expectedEnvironment
        state.identity = try? mirror.identity()
        state.lastSyncedAt = try? mirror.lastSyncAt()
        self.state = state
    }

    /// Runs until the operator quits.
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

    /// Renders the state and hands the frame to the terminal (which sends only what changed).
    public func redraw() {
        terminal.present(RootView.render(state))
    }

    /// No window is on its way and no message waits: what is on screen is what the mirror has.
    public var isSettled: Bool {
        state.awaitingMove == nil && !state.panes.isLoading && inbox.isEmpty
    }

    /// Applies what the inbox holds and the clock tick; true when something may have changed.
    @discardableResult
    public func step(now: Date = Date()) -> Bool {
        var changed = false
        for message in inbox.drain() {
            dispatch(message)
            changed = true
        }
        if now.timeIntervalSince(lastTick) >= Self.tickInterval {
            lastTick = now
            dispatch(.tick(now))
            changed = true
        }
        return changed
    }

    public func dispatch(_ message: Message) {
        execute(Update.update(&state, message))
    }

    public func setThemeNames(_ names: [String]) { state.themeNames = names }

    /// Loads a theme by name into the terminal; set by whoever knows where themes live.
    public var switchTheme: ((String) throws -> Void)?

    /// Checks a profile and readies its session, or throws why it cannot run; set by whoever
    /// knows the config file. Once it returns, this loop ends and the caller starts that session.
    public var switchProfile: ((String) throws -> Void)?

    private func execute(_ commands: [Command]) {
        for command in commands {
            switch command {
            case .copyToClipboard(let text):
                // The terminal belongs to this thread, so the escape goes out from here.
                terminal.writeRaw(Clipboard.osc52(text))
            case .switchTheme(let name):
                do {
                    guard let switchTheme else { throw ThemeSwitchUnavailable() }
                    try switchTheme(name)
                    state.flash = Flash(text: "Theme \(name)", level: .success, at: state.now)
                } catch {
                    state.flash = Flash(text: "\(error)", level: .error, at: state.now)
                }
            case .switchProfile(let name):
                do {
                    guard let switchProfile else { throw ProfileSwitchUnavailable() }
                    try switchProfile(name)
                    dispatch(.profileSwitchAccepted(name: name))
                } catch {
                    dispatch(.profileSwitchRefused(name: name, reason: "\(error)"))
                }
            default:
                runner.run(command)
            }
        }
    }
}
