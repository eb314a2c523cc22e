import Foundation
import Logging
import Mirror
import RewardsClient
import RewardsContract
import Synchronization

/// Keeps a mirror equal to the platform: bootstrap, then the change feed; and delivers the
/// outbox of decisions, in order, exactly once at the server.
public final class SyncEngine: Sendable {
    public let client: PlatformClient
    public let mirror: MirrorStore
    let pageSize: Int
    let longPollSeconds: Int
    let logger: Logger
    /// The profile named in audit entries.
    public let profileName: String?
    let feedRecovery: FeedRecoveryPolicy
    /// Told each answer of `/v1/me` (the executable remembers which club a key is of).
    let onIdentity: @Sendable (Me) -> Void
    private let woken = Mutex(false)
    /// `syncNow`'s requests to the feed loop.
    let syncNowRequests = SyncNowRequests()
    /// Where the engine's synchronous mirror calls run (see `onMirror`).
    let mirrorQueue = DispatchQueue(label: "rewards-ops.sync.mirror")

    public init(client: PlatformClient, mirror: MirrorStore, pageSize: Int = 1000, longPollSeconds: Int = 25,
                logger: Logger = Logger(label: "rewards-ops.sync"), profileName: String? = nil,
                feedRecovery: FeedRecoveryPolicy = .standard, onIdentity: @escaping @Sendable (Me) -> Void = { _ in }) {
        self.profileName = profileName
        self.feedRecovery = feedRecovery
        self.onIdentity = onIdentity
        self.client = client
        self.mirror = mirror
        self.pageSize = pageSize
        self.longPollSeconds = longPollSeconds
        self.logger = logger
    }

    /// Checks the key, bootstraps when the mirror has no cursor, then reads the feed to its
    /// current end and delivers the outbox. Returns the number of rows and entries applied.
    /// A search index with more than `buildIndexesUpTo` rows still to add is left to the next
    /// run (and said so); a smaller one is built before returning.
    @discardableResult
    public func syncOnce(buildIndexesUpTo: Int = SyncEngine.indexBuildOnceLimit,
                         events: @escaping SyncEventHandler = { _ in }) async throws -> Int {
        let events = SyncStory(logger: logger).telling(events)
        try await identify(events: events)
        var applied = 0
        if try await mirror.cursor() == nil {
            applied += try await bootstrap(events: events)
        }
        applied += try await followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
        let keyId = client.credentials.keyId
        if try await onMirror({ try $0.pendingOutboxCount(keyId: keyId) }) > 0 {
            try await deliverOutbox(events: events, retryForever: false)
            // A decision can change more than its own object (approving a payout review moves
            // its redemption): read what it caused before calling the mirror current.
            applied += try await followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
        }
        // A large index is built by a continuous sync or the console, not here: `--once`
        // returns as soon as the rows are committed and browsable.
        try await finishOrDeferIndexes(buildUpTo: buildIndexesUpTo, events: events)
        events(.status(.live(since: Date())))
        logger.info("up to date", metadata: ["applied": "\(applied)"])
        return applied
    }

    /// Reads feed pages until the end (or one long-poll page when `untilCaughtUp` is false).
    /// A refused cursor (`410 cursor_expired`, or `400` on `after`) starts a new bootstrap,
    /// which drops rows the server no longer has, as `feedRecovery` allows; a feed that does
    /// not advance is a protocol error (`FeedProgressGuard`).
    func followFeed(waitSeconds: Int, untilCaughtUp: Bool, events: SyncEventHandler) async throws -> Int {
        var applied = 0
        var refusals = FeedRecoveryPolicy.Tally()
        var progress = FeedProgressGuard()
        while true {
            try Task.checkCancellation()
            guard let cursor = try await mirror.cursor() else {
                applied += try await bootstrap(events: events)
                progress = FeedProgressGuard()
                continue
            }
            let page: Page<ChangeEntry>
            do {
                page = try await client.changes(after: cursor, limit: pageSize, waitSeconds: waitSeconds)
            } catch let error as PlatformError {
                switch feedRecovery.decide(error, tally: &refusals, random: Double.random(in: 0...1)) {
                case .notACursorRefusal:
                    throw error
                case .giveUp(let reason):
                    var stopped = error
                    stopped.note = reason
                    throw stopped
                case .rebootstrap(let delay):
                    logger.notice("feed cursor refused; bootstrapping again",
                                  metadata: ["code": "\(error.code)", "after": "\(delay)"])
                    events(.error(error))
                    try await Pause.sleep(seconds: delay)
                    try await mirror.resetCursor()
                    continue
                }
            }
            try progress.check(sent: cursor, seqs: page.rows.map(\.seq), nextCursor: page.nextCursor ?? cursor,
                               hasMore: page.hasMore)
            let changes = try await mirror.applyChanges(page.rows, cursor: page.nextCursor ?? cursor)
            applied += page.rows.count
            if !changes.isEmpty { events(.applied(changes)) }
            if page.hasMore {
                events(.status(.catchingUp(entries: applied)))
                continue
            }
            return applied
        }
    }

    /// Runs until cancelled: follows the feed with long-poll and delivers the outbox as soon
    /// as something is queued. Failures are reported and retried with capped backoff.
    public func run(events: @escaping SyncEventHandler) async {
        let events = SyncStory(logger: logger).telling(events)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.feedLoop(events: events) }
            group.addTask { await self.outboxLoop(events: events) }
            // The feed loop ends when cancelled, or for good when the mirror is another key's:
            // the outbox loop stops with it.
            await group.next()
            group.cancelAll()
        }
    }

    /// Asks the outbox loop to look for work now (after an action was queued).
    public func wake() { woken.withLock { $0 = true } }

    private func feedLoop(events: @escaping SyncEventHandler) async {
        var failures = 0
        var offlineSince: Date?
        var identified = false
        syncNowRequests.setRunning(true)
        defer { syncNowRequests.setRunning(false) }
        while !Task.isCancelled {
            do {
                if !identified {
                    try await identify(events: events)
                    identified = true
                }
                if try await mirror.cursor() == nil {
                    events(.status(.bootstrapping(kind: Self.bootstrapOrder[0].rawValue, rows: 0)))
                }
                // Catch up without waiting, build the search indexes if a bootstrap left them (the
                // feed read between its chunks), then hold a long-poll open for the next change.
                _ = try await followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
                events(.status(.live(since: Date())))
                try await buildSearchIndexes(events: events) {
                    _ = try await self.followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
                }
                failures = 0
                offlineSince = nil
                events(.status(.live(since: Date())))
                while !Task.isCancelled {
                    if try await serveSyncNow(events: events) { events(.status(.live(since: Date()))) }
                    // `syncNow` cuts the long-poll short: the feed is then read at once, above.
                    let pollSeconds = longPollSeconds
                    let cut = try await syncNowRequests.untilRequested {
                        _ = try await self.followFeed(waitSeconds: pollSeconds, untilCaughtUp: false, events: events)
                    }
                    if cut { continue }
                    events(.status(.live(since: Date())))
                    // A 410 in the long-poll re-bootstraps, which empties the indexes: build them again.
                    try await buildSearchIndexes(events: events) {
                        _ = try await self.followFeed(waitSeconds: 0, untilCaughtUp: true, events: events)
                    }
                }
            } catch is CancellationError {
                return
            } catch let mismatch as MirrorIdentityMismatch {
                // Nothing of this key belongs in this mirror: stop, and say which mirror and which key.
                logger.notice("\(mismatch)")
                syncNowRequests.failAll(mismatch)
                events(.status(.failed(code: "mirror_mismatch", message: mismatch.description)))
                return
            } catch {
                if Task.isCancelled { return }
                syncNowRequests.failAll(error)
                failures += 1
                let since = offlineSince ?? Date()
                offlineSince = since
                if let platformError = error as? PlatformError {
                    events(.error(platformError))
                    if platformError.retryable {
                        events(.status(.offline(since: since, code: platformError.code)))
                    } else {
                        events(.status(.failed(code: platformError.code, message: platformError.message)))
                    }
                } else {
                    events(.status(.failed(code: "local_error", message: "\(error)")))
                }
                let delay = min(30.0, 0.5 * pow(2.0, Double(min(failures, 6))))
                // `syncNow` retries at once.
                _ = try? await syncNowRequests.untilRequested { try await Pause.sleep(seconds: delay) }
            }
        }
    }

    private func outboxLoop(events: @escaping SyncEventHandler) async {
        while !Task.isCancelled {
            do {
                try await deliverOutbox(events: events, retryForever: true)
            } catch {
                if Task.isCancelled { return }
            }
            // Sleep until woken by a new action, or poll now and then (an entry may be waiting
            // for its undo window, or for the network to come back).
            for _ in 0..<5 {
                if woken.withLock({ flag in defer { flag = false }; return flag }) { break }
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
        }
    }
}
