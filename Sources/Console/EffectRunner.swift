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
            case .loadWindow(let query, let request, let limit, let select, let generation):
                let (rows, atStart) = try query.window(in: mirror, request, limit: limit)
                let outbox = try mirror.latestOutboxEntries(objectIds: rows.ids)
                post(.windowLoaded(pane: query.pane, generation: generation, rows: rows, select: select, outbox: outbox,
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
            case .loadDetail(let query):
                post(.detailLoaded(try query.load(from: mirror)))
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
}
