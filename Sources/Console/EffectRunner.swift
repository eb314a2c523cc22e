import Foundation
import Mirror
import RewardsContract
import SyncEngine

/// The one place where the console's effects happen: mirror queries and queued actions.
/// Each runs off the UI thread and comes back as a message.
public final class EffectRunner: Sendable {
    let mirror: MirrorStore
    let engine: SyncEngine?
    let post: @Sendable (Message) -> Void

    public init(mirror: MirrorStore, engine: SyncEngine?, post: @escaping @Sendable (Message) -> Void) {
        self.mirror = mirror
        self.engine = engine
        self.post = post
    }

    public func run(_ command: Command) {
        switch command {
        case .quit, .copyToClipboard, .switchTheme, .switchProfile:
            return  // the UI loop carries these out itself
        case .syncNow:
            engine?.wake()
            return
        default:
            break
        }
        Task.detached { [self] in self.perform(command) }
    }

    /// Carries out one command synchronously and posts its result (tests call this directly).
    public func perform(_ command: Command) {
        do {
            switch command {
            case .loadWindow(let pane, let query, let request, let limit, let select, let generation):
                let (rows, atStart) = try loadRows(query: query, request: request, limit: limit)
                let outbox = try mirror.latestOutboxEntries(objectIds: rows.ids)
                post(.windowLoaded(pane: pane, generation: generation, rows: rows, select: select, outbox: outbox,
                                   atStart: atStart))
            case .loadCounts:
                post(.countsLoaded(try mirror.counts()))
            case .loadErrorGroups(let filter, let now, let limit, let generation):
                post(.errorGroupsLoaded(generation: generation, try mirror.errorGroups(filter, now: now, limit: limit)))
            case .enqueue(let action, let delaySeconds):
                guard let engine else {
                    post(.effectFailed("No sync engine: the action was not queued"))
                    return
                }
                let entry = try engine.enqueue(subject: action.subject, objectId: action.objectId, verb: action.verb,
                                               expectedVersion: action.expectedVersion, note: action.note,
                                               delaySeconds: delaySeconds)
                post(.actionQueued(entry))
            case .cancelQueued(let seqs):
                var withdrawn: [OutboxEntry] = []
                var alreadySent = 0
                for seq in seqs {
                    let entry = try engine.map { try $0.withdraw(seq: seq) }
                        ?? (try mirror.cancelOutboxEntry(seq: seq) ? try mirror.outboxEntry(seq: seq) : nil)
                    if let entry {
                        withdrawn.append(entry)
                    } else {
                        alreadySent += 1
                    }
                }
                post(.undoFinished(withdrawn: withdrawn, alreadySent: alreadySent))
            case .loadMemberDetail(let memberId):
                post(.memberDetailLoaded(memberId: memberId, detail: try mirror.memberDetail(id: memberId)))
            case .fetchLedger(let memberId):
                guard let engine else {
                    post(.ledgerFetched(memberId: memberId, error: "no connection to the platform"))
                    return
                }
                Task.detached { [self] in
                    do {
                        try await engine.fetchLedger(memberId: memberId)
                        self.post(.ledgerFetched(memberId: memberId, error: nil))
                    } catch {
                        self.post(.ledgerFetched(memberId: memberId, error: "\(error)"))
                    }
                }
            case .loadAudit:
                post(.auditLoaded(try mirror.auditEntries(limit: 300)))
            case .explainConflict(let entry):
                Task.detached { [self] in
                    // The feed is held open by long-poll, so the newer version is usually here
                    // within a moment; look twice before settling for what the mirror has.
                    for _ in 0..<2 {
                        try? await Task.sleep(nanoseconds: 700_000_000)
                        if let text = try? self.conflictText(entry), text.changed {
                            self.post(.conflictExplained(objectId: entry.objectId, text: text.text))
                            return
                        }
                    }
                    if let text = try? self.conflictText(entry) {
                        self.post(.conflictExplained(objectId: entry.objectId, text: text.text))
                    }
                }
            case .syncNow, .quit, .copyToClipboard, .switchTheme, .switchProfile:
                break
            }
        } catch {
            post(.effectFailed("Mirror error: \(error)"))
        }
    }

    func loadRows(query: PaneQuery, request: WindowRequest, limit: Int) throws -> (PaneRows, atStart: Bool) {
        switch query {
        case .members(let filter):
            let fetch = { try self.mirror.membersWindow(filter, anchor: $0, limit: $1) }
            let rows = try Self.window(request, limit, fetch: fetch)
            return (.members(rows), try Self.isAtStart(rows, fetch: fetch))
        case .redemptions(let filter):
            let fetch = { try self.mirror.redemptionsWindow(filter, anchor: $0, limit: $1) }
            let rows = try Self.window(request, limit, fetch: fetch)
            return (.redemptions(rows), try Self.isAtStart(rows, fetch: fetch))
        case .reviews(let filter):
            let fetch = { try self.mirror.reviewsWindow(filter, anchor: $0, limit: $1) }
            let rows = try Self.window(request, limit, fetch: fetch)
            return (.reviews(rows), try Self.isAtStart(rows, fetch: fetch))
        case .errors(let filter):
            let fetch = { try self.mirror.requestLogsWindow(filter, anchor: $0, limit: $1) }
            let rows = try Self.window(request, limit, fetch: fetch)
            return (.errors(rows), try Self.isAtStart(rows, fetch: fetch))
        case .errorLog(let filter):
            let fetch = { try self.mirror.errorLogWindow(filter, anchor: $0, limit: $1) }
            let rows = try Self.window(request, limit, fetch: fetch)
            return (.errors(rows), try Self.isAtStart(rows, fetch: fetch))
        }
    }

    /// One seek: is there any row before the window's first?
    static func isAtStart<Row>(_ rows: [WindowRow<Row>], fetch: (WindowAnchor, Int) throws -> [WindowRow<Row>]) throws
        -> Bool {
        guard let first = rows.first else { return true }
        return try fetch(.before(first.key), 1).isEmpty
    }

    /// Turns a window request into keyset seeks. A window is kept full when there are enough
    /// rows: near the end it is filled from above.
    static func window<Row>(_ request: WindowRequest, _ limit: Int,
                            fetch: (WindowAnchor, Int) throws -> [WindowRow<Row>]) throws -> [WindowRow<Row>] {
        func filled(_ rows: [WindowRow<Row>]) throws -> [WindowRow<Row>] {
            guard rows.count < limit, let first = rows.first else { return rows }
            return try fetch(.before(first.key), limit - rows.count) + rows
        }
        switch request {
        case .top:
            return try fetch(.first, limit)
        case .bottom:
            return try fetch(.last, limit)
        case .startingAt(let key):
            let rows = try fetch(.atOrAfter(key), limit)
            return rows.isEmpty ? try fetch(.last, limit) : try filled(rows)
        case .startingAfter(let key):
            let rows = try fetch(.after(key), limit)
            return rows.isEmpty ? try fetch(.last, limit) : try filled(rows)
        case .endingBefore(let key, let count):
            let before = try fetch(.before(key), max(1, count))
            guard let first = before.first else { return try fetch(.first, limit) }
            return try fetch(.atOrAfter(first.key), limit)
        }
    }
}

extension PaneRows {
    var ids: [String] {
        switch self {
        case .members(let rows): return rows.map(\.object.rowId)
        case .redemptions(let rows): return rows.map(\.object.rowId)
        case .reviews(let rows): return rows.map(\.object.rowId)
        case .errors(let rows): return rows.map(\.object.rowId)
        }
    }
}
