import Foundation
import Mirror
import RewardsClient
import RewardsContract
import SyncEngine

/// One approve or escalate from the command line: the console's rules (`DecisionRules`), its
/// outbox and audit, sent at once and waited for.
struct HeadlessDecision {
    var verb: ActionVerb
    var objectId: String
    var note: String?
    var options: DecisionOptions

    /// Codes of the answers that say the object is gone: exit 3, as for an id the mirror lacks.
    static let notFoundCodes: Set<String> = ["review_not_found", "redemption_not_found"]

    func run(_ connection: ProfileOption, _ freshness: FreshnessOptions) throws {
        // --wait bounds the wait for the answer, not each call: a busy link or a slow server
        // must not turn the identity check into a timeout. One call may run past the deadline
        // by at most its own timeout.
        let policy = RetryPolicy(maxAttempts: 6, budgetSeconds: options.wait, requestTimeoutSeconds: 20)
        let source = try HeadlessMirror.open(connection, freshness, policy: policy, requireConnection: true)
        guard let settings = source.settings, let engine = source.engine else {
            throw CommandError("A decision needs a connection to the platform")
        }
        let mirror = source.mirror
        let me: Me
        do {
            // The same check as every sync: the key's club and environment must be the mirror's.
            me = try blockingAwait { try await engine.identify(events: { _ in }) }
        } catch let error as PlatformError {
            return try finish(.refused(code: error.code, message: "Could not check the key: \(error.message)", requestId: error.requestId))
        }
        let expected = settings.expectedEnvironment.map(Environment.init(rawValue:))
        if let reason = DecisionRules.refusal(identity: me, expectedEnvironment: expected, profileReadOnly: settings.readOnly,
                                              profileName: settings.profileName) {
            return try finish(.refused(code: "read_only", message: reason.prefix(1).uppercased() + reason.dropFirst(),
                                       requestId: nil))
        }
        guard let current = try currentObject(mirror) else {
            return try finish(.notFound("\(objectId) is not in the mirror"
                                        + (source.synced ? "" : " (sync it with --sync if it is new)")))
        }
        let seq: Int64
        switch plan(current, latest: try mirror.latestOutboxEntries(objectIds: [objectId])[objectId], identity: me,
                    settings: settings) {
        case .finished(let outcome):
            return try finish(outcome)
        case .waitFor(let pending):
            Output.note("An \(verb.rawValue) of \(objectId) is already in the outbox (since \(RFC3339.format(pending.createdAt))): "
                        + "waiting for its answer instead of sending another.")
            seq = pending.seq
        case .send:
            seq = try engine.enqueue(subject: current.subject, objectId: objectId, verb: verb, expectedVersion: current.version,
                                     note: note, delaySeconds: 0).seq
        }
        let deadline = Date().addingTimeInterval(options.wait)
        let answered = try blockingAwait { try await engine.deliver(until: seq, deadline: deadline) }
        guard let answered else { throw CommandError("The outbox entry of \(objectId) vanished") }
        switch answered.state {
        case .delivered:
            return try finish(.applied(answered, try currentObject(mirror) ?? current))
        case .failed:
            return try finish(.refused(code: answered.errorCode ?? "failed", message: answered.errorMessage ?? "",
                                       requestId: answered.requestId))
        case .cancelled:
            return try finish(.refused(code: "withdrawn", message: "The \(verb.rawValue) was withdrawn before it was sent",
                                       requestId: nil))
        case .queued, .sending:
            return try finish(.pending(answered))
        }
    }

    private enum Plan {
        case send
        case waitFor(OutboxEntry)
        case finished(DecisionOutcome)
    }

    /// Whether to send a new decision, wait for one already on its way, or stop here: the
    /// same decision already applied from this mirror, an approved review, another decision
    /// pending, a LIVE platform without the right `--confirm`.
    private func plan(_ current: DecidedObject, latest: OutboxEntry?, identity: Me, settings: ConnectionSettings) -> Plan {
        if let latest, latest.isPending {
            guard latest.verb == verb else {
                return .finished(.refused(code: "decision_pending",
                                          message: "\(objectId) already has an \(latest.verb.rawValue) on its way", requestId: nil))
            }
            return .waitFor(latest)
        }
        if let latest, DecisionRules.isRepeat(of: latest, verb: verb, note: note, currentVersion: current.version) {
            return .finished(.unchanged(latest, current))
        }
        if case .review(let review) = current, let closed = DecisionRules.closed(review) {
            return .finished(.refused(code: "review_already_decided", message: closed, requestId: nil))
        }
        let expected = settings.expectedEnvironment.map(Environment.init(rawValue:))
        guard DecisionRules.isLive(identity: identity, keyId: settings.credentials.keyId, expectedEnvironment: expected) else {
            return .send
        }
        let required = DecisionRules.liveConfirmation(for: objectId)
        guard let typed = options.confirm else {
            return .finished(.refused(code: "confirmation_required", message: """
                LIVE platform: to \(verb.rawValue) \(objectId), confirm with --confirm \(required) (its last six characters)
                """, requestId: nil))
        }
        guard typed == required else {
            return .finished(.refused(code: "confirmation_mismatch", message: """
                --confirm \(typed) does not match \(objectId): its last six characters are \(required)
                """, requestId: nil))
        }
        return .send
    }

    /// The object as the mirror has it now.
    private func currentObject(_ mirror: MirrorStore) throws -> DecidedObject? {
        switch DecisionTarget.subject(of: objectId) {
        case .review?: return try mirror.review(id: objectId).map(DecidedObject.review)
        case .redemption?: return try mirror.redemption(id: objectId).map(DecidedObject.redemption)
        case nil: return nil
        }
    }

    /// Prints the outcome (a line, or the JSON document) and ends with its exit status.
    private func finish(_ outcome: DecisionOutcome) throws {
        let report = DecisionReport(outcome, verb: verb, objectId: objectId)
        if options.json { Output.lines([try Output.json(report)]) }
        switch outcome {
        case .applied, .unchanged:
            if !options.json { Output.lines([OutputText.inert(report.sentence)]) }
        case .refused(let code, _, _):
            throw HeadlessExit(status: Self.notFoundCodes.contains(code) ? ExitStatus.notFound : ExitStatus.refusedOrFailed,
                               message: report.sentence)
        case .pending:
            throw HeadlessExit.refused(report.sentence)
        case .notFound:
            throw HeadlessExit.notFound(report.sentence)
        }
    }
}
