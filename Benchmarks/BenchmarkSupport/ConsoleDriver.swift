import Console
import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The console's real UI path, one keystroke at a time: the pure update, the mirror queries
/// it asks for (run off this thread, as in the product, and answered through the inbox and
/// its wake pipe), then the frame rendered and presented.
public final class ConsoleDriver {
    public let runtime: ConsoleRuntime

    public init(mirror: MirrorStore, terminal: any TerminalBackend, engine: SyncEngine? = nil) throws {
        runtime = ConsoleRuntime(terminal: terminal, mirror: mirror, engine: engine, environmentHint: .test)
        runtime.start()
        try settle()
    }

    /// One keystroke to its finished frame.
    public func press(_ key: Key) throws {
        runtime.dispatch(.key(key))
        try settle()
        runtime.redraw()
    }

    public func press(_ keys: [Key]) throws {
        for key in keys { try press(key) }
    }

    /// Lets the UI loop run (messages, ticks, frames) for a while, as a user who looks.
    public func idle(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runtime.inbox.wake?.wait(timeoutMilliseconds: 20)
            if runtime.step() { runtime.redraw() }
        }
    }

    /// Runs the UI loop's steps (messages, ticks, frames) until `condition` holds.
    public func waitUntil(timeoutSeconds: Double, _ condition: (AppState) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while !condition(runtime.state) {
            guard Date() < deadline else { throw BenchmarkSetupError("the console did not get there in \(timeoutSeconds) s") }
            runtime.inbox.wake?.wait(timeoutMilliseconds: 20)
            if runtime.step() { runtime.redraw() }
        }
    }

    /// Waits until every window asked for has arrived and every message is applied.
    public func settle(timeoutSeconds: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        runtime.step()
        while !runtime.isSettled {
            guard Date() < deadline else {
                let state = runtime.state
                throw BenchmarkSetupError("""
                    the console did not settle in \(timeoutSeconds) s: panes loading \(state.panes.loading), \
                    awaiting a move \(state.awaitingMove != nil), flash \(state.flash?.text ?? "none")
                    """)
            }
            runtime.inbox.wake?.wait(timeoutMilliseconds: 50)
            runtime.step()
        }
    }
}
