import Foundation
import Logging
import Synchronization

/// The session's story in the log at `info`: who the key is, how far a bootstrap has got,
/// how many changes were applied each minute, every decision and its result, every error
/// with its request id. It listens to the engine's events, so nothing else has to log them.
/// Nothing here is above `notice`: the plain commands show warnings on standard error, where
/// their own reporter already tells the same events.
final class SyncStory: Sendable {
    /// A bootstrap's progress is logged at most this often per list (and when the list ends).
    static let progressInterval: TimeInterval = 10
    static let appliedInterval: TimeInterval = 60

    private struct Tally {
        var appliedSince = Date()
        var applied = 0
        var toldApplied = false
        var lastProgress: [String: Date] = [:]
    }

    let logger: Logger
    private let tally = Mutex(Tally())

    init(logger: Logger) { self.logger = logger }

    /// `events`, with the story told first.
    func telling(_ events: @escaping SyncEventHandler) -> SyncEventHandler {
        { [self] event in
            tell(event)
            events(event)
        }
    }

    func tell(_ event: SyncEvent, now: Date = Date()) {
        switch event {
        case .identity(let me):
            logger.info("identified", metadata: ["key": "\(me.keyId)", "club": "\(me.clubId)", "clubName": "\(me.clubName)",
                                                 "environment": "\(me.environment.rawValue)", "role": "\(me.role.rawValue)"])
        case .bootstrapPage(let kind, let rows, _):
            let due = tally.withLock { state -> Bool in
                guard now.timeIntervalSince(state.lastProgress[kind] ?? .distantPast) >= Self.progressInterval else { return false }
                state.lastProgress[kind] = now
                return true
            }
            if due { logger.info("bootstrap", metadata: ["list": "\(kind)", "rows": "\(rows)"]) }
        case .bootstrapped(let rows):
            logger.info("bootstrap done", metadata: ["rows": "\(rows)"])
        case .applied(let changes):
            let minute = tally.withLock { state -> (count: Int, seconds: Int)? in
                state.applied += changes.total
                let seconds = now.timeIntervalSince(state.appliedSince)
                // The first batch at once (a short sync tells it too), then once a minute.
                guard seconds >= Self.appliedInterval || !state.toldApplied else { return nil }
                defer { state.applied = 0; state.appliedSince = now; state.toldApplied = true }
                return (state.applied, Int(seconds.rounded()))
            }
            if let minute {
                logger.info("changes applied", metadata: ["changes": "\(minute.count)", "seconds": "\(minute.seconds)"])
            }
        case .outboxDelivered(let entry):
            logger.info("decision delivered", metadata: [
                "verb": "\(entry.verb.rawValue)", "object": "\(entry.objectId)", "version": "\(entry.resultVersion ?? 0)",
                "requestId": "\(entry.requestId ?? "-")", "idempotencyKey": "\(entry.idempotencyKey)"])
        case .outboxFailed(let entry):
            logger.info("decision failed", metadata: [
                "verb": "\(entry.verb.rawValue)", "object": "\(entry.objectId)", "code": "\(entry.errorCode ?? "-")",
                "message": "\(entry.errorMessage ?? "")", "requestId": "\(entry.requestId ?? "-")"])
        case .error(let error):
            logger.info("error \(error.code): \(error.message)", metadata: [
                "path": "\(error.path)", "requestId": "\(error.requestId ?? "-")", "attempts": "\(error.attempts)"])
        case .status(.offline(let since, let code)):
            logger.info("offline", metadata: ["since": "\(since)", "code": "\(code)"])
        case .status(.failed(let code, let message)):
            logger.notice("sync stopped: \(code): \(message)")
        case .progress(.passStarted(let pass)):
            logger.info(pass.resumed ? "bootstrap resumed" : (pass.replacesRows ? "bootstrap again" : "bootstrap"),
                        metadata: ["order": "\(pass.order.map(\.rawValue).joined(separator: ","))",
                                   "totals": "\(pass.totals.isEmpty ? "unknown" : pass.totals.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ","))"])
        case .progress(.listFinished(let kind, let rows)):
            logger.info("bootstrap list done", metadata: ["list": "\(kind.rawValue)", "rows": "\(rows)"])
        case .progress(.passEnded(_, let removed, _)):
            logger.info("bootstrap pass ended", metadata: ["removed": "\(removed)"])
        case .progress(.searchIndex(.ready(let members, let seconds))):
            logger.info("search index ready", metadata: ["members": "\(members)", "seconds": "\(seconds)"])
        case .progress(.searchIndex(.deferred(let unindexed))):
            logger.info("search index left to the next run", metadata: ["unindexed": "\(unindexed)"])
        case .progress(.requestLogIndex(.ready(let logs, let seconds))):
            logger.info("request log index ready", metadata: ["logs": "\(logs)", "seconds": "\(seconds)"])
        case .progress(.requestLogIndex(.deferred(let unindexed))):
            logger.info("request log index left to the next run", metadata: ["unindexed": "\(unindexed)"])
        case .progress(.list), .progress(.searchIndex(.building)), .progress(.requestLogIndex(.building)):
            break  // bootstrapPage tells the rows, at most every few seconds
        case .status(.live), .status(.starting), .status(.bootstrapping), .status(.catchingUp):
            break
        }
    }
}
