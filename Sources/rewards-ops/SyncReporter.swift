import Foundation
import InertText
import Mirror
import RewardsContract
import Synchronization
import SyncEngine

/// Shows sync progress on standard error: one redrawn line with rows and rows/s on a
/// terminal, plain lines otherwise (logs, CI). The platform gives no totals, so there is no
/// honest ETA for a bootstrap; the rate says how fast it goes.
final class SyncReporter: Sendable {
    private struct Progress {
        var started = Date()
        var phase = "starting"
        var rows = 0
        var phaseRows = 0
        var lastDraw = Date.distantPast
        var lastPlainRows = 0
        var lineOpen = false
        var phaseStarted: Date?
        var stoppedForGood = false
    }

    private let interactive: Bool
    /// Rows the mirror already held per list before this sync: a resumed or repeated
    /// bootstrap expects about as many.
    private let expectedRows: [String: Int]
    private let progress = Mutex(Progress())

    init(interactive: Bool, expectedRows: [String: Int] = [:]) {
        self.interactive = interactive
        self.expectedRows = expectedRows
    }

    func handle(_ event: SyncEvent) {
        switch event {
        case .identity(let me):
            line("key \(me.keyId): club \(me.clubId) (\(me.clubName)), \(me.environment.rawValue), role \(me.role.rawValue)")
        case .status(.bootstrapping):
            break  // the page event below carries the same count and where the list has got to
        case .bootstrapPage(let kind, let rows, let lastId):
            advance(phase: "bootstrap \(kind)s", phaseRows: rows, expected: expectedRows[kind])
        case .applied(let changes):
            progress.withLock { $0.rows += changes.total }
            advance(phase: "following the feed", phaseRows: nil)
        case .status(.catchingUp(let entries)):
            advance(phase: "catching up", phaseRows: entries)
        case .bootstrapped(let rows):
            line("bootstrap done: \(rows) rows")
        case .error(let error):
            line("error: \(error)")
        case .outboxDelivered(let entry):
            line("delivered \(entry.verb.rawValue) \(entry.objectId)")
        case .outboxFailed(let entry):
            line("failed \(entry.verb.rawValue) \(entry.objectId): \(entry.errorCode ?? "") \(entry.errorMessage ?? "")")
        case .status(.live):
            break
        case .status(.offline(let since, let code)):
            line("offline since \(RFC3339.format(since)) (\(code)); retrying")
        case .status(.failed(let code, let message)):
            if code == "mirror_mismatch" { progress.withLock { $0.stoppedForGood = true } }
            line("sync error \(code): \(message)")
        case .status(.starting):
            break
        }
    }

    func finish(_ text: String) { line(text) }

    /// The engine stopped by itself, for a reason that retrying cannot fix.
    var stoppedForGood: Bool { progress.withLock { $0.stoppedForGood } }

    /// A failed attempt, told as it happens (the call may still succeed on a retry).
    func attemptFailed(_ call: FailedCall) {
        let status = call.httpStatus.map { "HTTP \($0) " } ?? ""
        let request = call.requestId.map { " [request \($0)]" } ?? ""
        line("attempt \(call.attempt) failed: \(status)\(call.code): \(call.message) — \(call.method) \(call.path)\(request)"
             + (call.retryable ? "" : " (not retryable)"))
    }

    private func advance(phase: String, phaseRows: Int?, expected: Int? = nil) {
        let now = Date()
        let text: String? = progress.withLock { state in
            if state.phase != phase {
                state.phase = phase
                state.phaseRows = 0
                state.phaseStarted = now
            }
            if let phaseRows {
                state.rows += max(0, phaseRows - state.phaseRows)
                state.phaseRows = phaseRows
            }
            let elapsed = max(0.001, now.timeIntervalSince(state.started))
            let rate = Int(Double(state.rows) / elapsed)
            var summary = "\(phase): \(state.rows) rows, \(rate) rows/s, \(Int(elapsed)) s"
            // The contract gives no totals; the mirror's own count from an earlier sync (a
            // resumed or repeated bootstrap) is the only honest estimate, so the ETA shows then.
            if let expected, let done = phaseRows, expected > done, done > 0 {
                let phaseElapsed = max(0.001, now.timeIntervalSince(state.phaseStarted ?? now))
                let eta = Int((phaseElapsed * Double(expected - done) / Double(done)).rounded())
                summary += " · ~\(expected) expected, ETA \(eta) s"
            } else if phaseRows != nil {
                summary += " · ETA unknown (no total yet)"
            }
            if interactive {
                guard now.timeIntervalSince(state.lastDraw) >= 0.1 else { return nil }
                state.lastDraw = now
                state.lineOpen = true
                return "\r\u{1b}[K" + summary
            }
            guard state.rows - state.lastPlainRows >= 10_000 else { return nil }
            state.lastPlainRows = state.rows
            return summary + "\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// One line on standard error. Its text may quote the server (a club's name, an error's
    /// message): made inert first, and only then framed with this reporter's own escapes.
    private func line(_ text: String) {
        let prefix = progress.withLock { state -> String in
            defer { state.lineOpen = false }
            return state.lineOpen ? "\r\u{1b}[K" : ""
        }
        FileHandle.standardError.write(Data((prefix + Inert.text(text) + "\n").utf8))
    }
}

