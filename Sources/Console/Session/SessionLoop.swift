import Foundation
import Terminal

/// Runs the console on the calling thread, one session after another on the same terminal:
/// the first, then each one `:profile NAME` opened, until the operator quits. A switch is a
/// message like any other: the effect runner opens the profile's parts (`ProfileOpener`),
/// `Update` keeps them as `AppState.nextSession` and ends the session, and this loop ends the
/// old session's work and starts the new one.
public struct SessionLoop {
    /// How long an ended session's work (its sync above all) may take to stop before the next
    /// one starts anyway. A cancelled request ends at once; this only bounds a platform that
    /// does not let go.
    public static let workStopSeconds = 2.0

    let terminal: any TerminalBackend
    let services: SessionServices
    let undoSeconds: Double
    /// Where signals reach the running session.
    public let relay: InboxRelay

    public init(terminal: any TerminalBackend, services: SessionServices = SessionServices(), undoSeconds: Double = 5,
                relay: InboxRelay = InboxRelay()) {
        self.terminal = terminal
        self.services = services
        self.undoSeconds = undoSeconds
        self.relay = relay
    }

    /// Runs sessions until one ends without a successor; returns the last session's state.
    @discardableResult
    public func run(_ first: SessionParts) -> AppState {
        var parts = first
        var opening: [Message] = []
        while true {
            let inbox = Inbox()
            relay.use(inbox)
            let runtime = ConsoleRuntime(terminal: terminal, parts: parts, undoSeconds: undoSeconds, services: services,
                                         inbox: inbox)
            for message in opening { runtime.dispatch(message) }
            runtime.followFeed()
            runtime.run()
            guard var next = runtime.state.nextSession else {
                // Bounded: an effect under way (a decision's outbox write above all) finishes
                // before the process may exit.
                runtime.end(waitingAtMost: Self.workStopSeconds)
                return runtime.state
            }
            // The last frame says "Switching to profile …" while the old session lets go.
            runtime.redraw()
            runtime.end(waitingAtMost: Self.workStopSeconds)
            // Its unsent decisions stay in its mirror's outbox; the new session says so.
            let unsent = (try? parts.mirror.pendingOutboxCount()) ?? 0
            opening = [.profileSwitched(from: parts.profileName, leftInOutbox: unsent)]
            if next.profileChoices == nil { next.profileChoices = runtime.state.profileChoices }
            parts = next
            terminal.apply(palette: parts.palette)
        }
    }
}
