import Foundation
import InertText
import Mirror
import RewardsContract
import Synchronization
import SyncEngine

/// Shows sync progress on standard error: one redrawn line on a terminal (the list, its rows,
/// rows/s, and an ETA when the server sent counts with the feed head), plain lines otherwise
/// (logs, CI). Without counts there is no honest ETA, and none is shown.
final class SyncReporter: Sendable {
    private struct Progress {
        var lastDraw = ContinuousClock.now - .seconds(1)
        var lastPlainRows: [String: Int] = [:]
        var lineOpen = false
        var stoppedForGood = false
        /// The lists loading now, for the one line a terminal shows (two load at once).
        var loading: [ObjectKind: ListProgress] = [:]
    }

    private let interactive: Bool
    private let progress = Mutex(Progress())

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func handle(_ event: SyncEvent) {
        switch event {
        case .identity(let me):
            line("key \(me.keyId): club \(me.clubId) (\(me.clubName)), \(me.environment.rawValue), role \(me.role.rawValue)")
        case .progress(let step):
            report(step)
        case .status(.catchingUp(let entries)):
            draw("catching up the feed: \(Self.grouped(entries)) entries", key: "feed", rows: entries)
        case .applied, .bootstrapPage, .bootstrapped, .status(.bootstrapping), .status(.live), .status(.starting):
            break  // the progress events say the same with totals and rates
        case .error(let error):
            line("error: \(error)")
        case .outboxDelivered(let entry):
            line("delivered \(entry.verb.rawValue) \(entry.objectId)")
        case .outboxFailed(let entry):
            line("failed \(entry.verb.rawValue) \(entry.objectId): \(entry.errorCode ?? "") \(entry.errorMessage ?? "")")
        case .status(.offline(let since, let code)):
            line("offline since \(RFC3339.format(since)) (\(code)); retrying")
        case .status(.failed(let code, let message)):
            if code == "mirror_mismatch" { progress.withLock { $0.stoppedForGood = true } }
            line("sync error \(code): \(message)")
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

    private func report(_ step: SyncProgress) {
        switch step {
        case .passStarted(let pass):
            let order = pass.order.map(Self.listName).joined(separator: ", ")
            let what = pass.resumed ? "resuming the bootstrap" : (pass.replacesRows ? "bootstrapping again" : "bootstrapping")
            let keep = pass.replacesRows ? "; the rows already here stay until it ends" : ""
            let counts = pass.totals.isEmpty ? "; the server sent no counts, so no ETA" : ""
            line("\(what): \(order)\(keep)\(counts)")
        case .list(let list):
            if interactive {
                let loading = progress.withLock { state in
                    state.loading[list.kind] = list
                    return state.loading
                }
                draw(Self.describe(loading: loading), key: "lists", rows: list.rows)
            } else {
                draw(Self.describe(list), key: list.kind.rawValue, rows: list.rows)
            }
        case .listFinished(let kind, let rows):
            progress.withLock { _ = $0.loading.removeValue(forKey: kind) }
            line("\(Self.listName(kind)): \(Self.grouped(rows)) rows, complete")
        case .passEnded(let rows, let removed, let replaced):
            let gone = replaced ? ", \(Self.grouped(removed)) rows the server no longer has removed" : ""
            line("bootstrap done: \(Self.grouped(rows)) rows\(gone)")
        case .searchIndex(.deferred(let unindexed)):
            line("search index left to the next run (`rewards-ops sync` or the console builds it): "
                 + "\(Self.grouped(unindexed)) members are searched by a scan until then")
        case .searchIndex(.building(let indexed, let members)):
            draw("search index: \(Self.grouped(indexed)) of \(Self.grouped(members)) members", key: "index", rows: indexed)
        case .searchIndex(.ready(let members, let seconds)):
            line("search index ready: \(Self.grouped(members)) members in \(String(format: "%.1f", seconds)) s")
        case .requestLogIndex(.deferred(let unindexed)):
            line("request log search index left to the next run (`rewards-ops sync` or the console builds it): "
                 + "\(Self.grouped(unindexed)) request logs are searched by a scan until then")
        case .requestLogIndex(.building(let indexed, let logs)):
            draw("request log search index: \(Self.grouped(indexed)) of \(Self.grouped(logs)) logs", key: "logIndex",
                 rows: indexed)
        case .requestLogIndex(.ready(let logs, let seconds)):
            line("request log search index ready: \(Self.grouped(logs)) logs in \(String(format: "%.1f", seconds)) s")
        }
    }

    /// The lists loading at once on one line, in reading order: each one's rows, then their
    /// rate together and the ETA of the last to finish (only when every one has a total).
    static func describe(loading: [ObjectKind: ListProgress]) -> String {
        let lists = SyncEngine.bootstrapOrder.compactMap { loading[$0] }
        guard lists.count > 1 else { return lists.first.map(describe) ?? "" }
        let each = lists.map { list in
            "\(listName(list.kind)) \(grouped(list.rows))" + (list.total.map { " of ~\(grouped($0))" } ?? "")
        }
        let rate = lists.reduce(0) { $0 + $1.rowsPerSecond }
        var text = each.joined(separator: " · ") + " · \(grouped(Int(rate.rounded()))) rows/s"
        let etas = lists.map(\.etaSeconds)
        if etas.allSatisfy({ $0 != nil }), let last = etas.compactMap({ $0 }).max() {
            text += " · ETA \(Int(last.rounded(.up))) s"
        } else if lists.contains(where: { $0.total == nil }) {
            text += " · ETA unknown (no count from the server)"
        }
        return text
    }

    static func describe(_ list: ListProgress) -> String {
        var text = "\(listName(list.kind)): \(grouped(list.rows))"
        if let total = list.total { text += " of ~\(grouped(total))" }
        text += " rows, \(grouped(Int(list.rowsPerSecond.rounded()))) rows/s"
        if let eta = list.etaSeconds {
            text += ", ETA \(Int(eta.rounded(.up))) s"
        } else if list.total == nil {
            text += ", ETA unknown (no count from the server)"
        }
        return text
    }

    static func listName(_ kind: ObjectKind) -> String {
        switch kind {
        case .member: return "members"
        case .redemption: return "redemptions"
        case .review: return "reviews"
        case .requestLog: return "request logs"
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A progress line: redrawn in place at most ten times a second on a terminal; elsewhere
    /// a plain line every 10,000 rows of the same thing.
    private func draw(_ summary: String, key: String, rows: Int) {
        let now = ContinuousClock.now
        let text: String? = progress.withLock { state in
            if interactive {
                guard now - state.lastDraw >= .milliseconds(100) else { return nil }
                state.lastDraw = now
                state.lineOpen = true
                return "\r\u{1b}[K" + summary
            }
            guard rows - (state.lastPlainRows[key] ?? 0) >= 10_000 else { return nil }
            state.lastPlainRows[key] = rows
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
