import Foundation
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
    }

    private let interactive: Bool
    private let progress = Mutex(Progress())

    init(interactive: Bool) { self.interactive = interactive }

    func handle(_ event: SyncEvent) {
        switch event {
        case .identity(let me):
            line("key \(me.keyId): club \(me.clubId) (\(me.clubName)), \(me.environment.rawValue), role \(me.role.rawValue)")
        case .status(.bootstrapping(let kind, let rows)):
            advance(phase: "bootstrap \(kind)s", phaseRows: rows)
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
            line("sync error \(code): \(message)")
        case .status(.starting):
            break
        }
    }

    func finish(_ text: String) { line(text) }

    private func advance(phase: String, phaseRows: Int?) {
        let now = Date()
        let text: String? = progress.withLock { state in
            if state.phase != phase {
                state.phase = phase
                state.phaseRows = 0
            }
            if let phaseRows {
                state.rows += max(0, phaseRows - state.phaseRows)
                state.phaseRows = phaseRows
            }
            let elapsed = max(0.001, now.timeIntervalSince(state.started))
            let rate = Int(Double(state.rows) / elapsed)
            let summary = "\(phase): \(state.rows) rows, \(rate) rows/s, \(Int(elapsed)) s"
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

    private func line(_ text: String) {
        let prefix = progress.withLock { state -> String in
            defer { state.lineOpen = false }
            return state.lineOpen ? "\r\u{1b}[K" : ""
        }
        FileHandle.standardError.write(Data((prefix + text + "\n").utf8))
    }
}
