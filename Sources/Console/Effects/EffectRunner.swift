import Foundation
import Mirror
import RewardsContract
import SyncEngine
import Terminal

/// The one place the console's effects happen. `run` carries out one command and returns its
/// result as a message (nil when there is nothing to tell); only `Update` changes the state.
/// It runs on `BlockingExecutor`, so its mirror calls never block the concurrency pool's
/// threads; what must happen on the UI thread goes through `TerminalEffects`.
public struct EffectRunner: Sendable {
    let mirror: MirrorStore
    let engine: SyncEngine?
    let terminal: any TerminalEffects
    let services: SessionServices
    /// The session these effects belong to, for a profile switch to compare against.
    let session: SessionParts?

    public init(mirror: MirrorStore, engine: SyncEngine?, terminal: any TerminalEffects,
                services: SessionServices = SessionServices(), session: SessionParts? = nil) {
        self.mirror = mirror
        self.engine = engine
        self.terminal = terminal
        self.services = services
        self.session = session
    }

    public func run(_ command: Command) async -> Message? {
        // Already there when the session's work started the task: then no hop at all.
        await withTaskExecutorPreference(BlockingExecutor.shared) {
            do {
                return try await perform(command)
            } catch {
                return .effectFailed("Mirror error: \(error)")
            }
        }
    }

    private func perform(_ command: Command) async throws -> Message? {
        switch command {
        case .loadWindow(let query, let request, let limit, let select, let generation):
            let (window, atStart) = try query.window(in: mirror, request, limit: limit)
            let outbox = try mirror.latestOutboxEntries(objectIds: window.ids)
            return .windowLoaded(pane: query.pane, generation: generation, rows: window, select: select, outbox: outbox,
                                 atStart: atStart)
        case .loadCounts:
            return .countsLoaded(try mirror.counts())
        case .countMatches(let query, let limit, let generation):
            return .matchesCounted(pane: query.pane, generation: generation, try query.countMatches(in: mirror, limit: limit))
        case .loadErrorGroups(let filter, let now, let limit, let generation):
            return .errorGroupsLoaded(generation: generation, try mirror.errorGroups(filter, now: now, limit: limit))
        case .loadDetail(let query):
            return .detailLoaded(try query.load(from: mirror))
        case .enqueue(let action, let delaySeconds):
            guard let engine else { return .effectFailed("No sync engine: the action was not queued") }
            return .actionQueued(try engine.enqueue(subject: action.subject, objectId: action.objectId, verb: action.verb,
                                                    expectedVersion: action.expectedVersion, note: action.note,
                                                    delaySeconds: delaySeconds))
        case .cancelQueued(let seqs):
            return try Self.withdraw(seqs, engine: engine, mirror: mirror)
        case .loadAudit:
            return .auditLoaded(try mirror.auditEntries(limit: 300))
        case .fetchLedger(let memberId):
            guard let engine else { return .ledgerFetched(memberId: memberId, error: "no connection to the platform") }
            do {
                try await engine.fetchLedger(memberId: memberId)
                return .ledgerFetched(memberId: memberId, error: nil)
            } catch {
                return .ledgerFetched(memberId: memberId, error: "\(error)")
            }
        case .explainConflict(let entry):
            return await explainConflict(entry)
        case .sendOutboxNow:
            let keyId = engine?.client.credentials.keyId
            try mirror.expediteOutbox(keyId: keyId)
            engine?.wake()
            return .outboxChecked(pending: try mirror.pendingOutboxCount(keyId: keyId))
        case .checkOutbox:
            return .outboxChecked(pending: try mirror.pendingOutboxCount(keyId: engine?.client.credentials.keyId))
        case .syncNow:
            return await syncNow()
        case .copyToClipboard(let text):
            await terminal.writeRaw(Clipboard.osc52(text))
            return nil
        case .switchTheme(let name):
            return await switchTheme(name)
        case .switchProfile(let name):
            return await switchProfile(name)
        case .quit:
            return nil
        }
    }

    static func withdraw(_ seqs: [Int64], engine: SyncEngine?, mirror: MirrorStore) throws -> Message {
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
        return .undoFinished(withdrawn: withdrawn, alreadySent: alreadySent)
    }

    /// Cuts the engine's long-poll short and reads the feed to its end; the round trip is what
    /// the operator waited for, from here.
    func syncNow() async -> Message? {
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        }
        guard let engine else {
            return .syncNowFinished(SyncNowOutcome(milliseconds: 0, error: "no connection to the platform"))
        }
        do {
            let applied = try await engine.syncNow()
            return .syncNowFinished(SyncNowOutcome(milliseconds: elapsed(), applied: applied))
        } catch {
            if Task.isCancelled { return nil }
            // A platform error says its code, status, message, call and request id.
            return .syncNowFinished(SyncNowOutcome(milliseconds: elapsed(), error: "\(error)"))
        }
    }

    /// The feed is held open by long-poll, so the newer version is usually here within a
    /// moment; look twice before settling for what the mirror has.
    func explainConflict(_ entry: OutboxEntry) async -> Message? {
        for _ in 0..<2 {
            try? await Task.sleep(nanoseconds: 700_000_000)
            if Task.isCancelled { return nil }
            if let text = try? ConflictText.of(entry, in: mirror), text.changed {
                return .conflictExplained(objectId: entry.objectId, text: text.text)
            }
        }
        guard let text = try? ConflictText.of(entry, in: mirror) else { return nil }
        return .conflictExplained(objectId: entry.objectId, text: text.text)
    }

    func switchTheme(_ name: String) async -> Message {
        guard let themes = services.themes else {
            return .themeSwitched(name: name, error: "Themes cannot be switched here")
        }
        do {
            await terminal.apply(palette: try themes.palette(named: name))
            return .themeSwitched(name: name, error: nil)
        } catch {
            return .themeSwitched(name: name, error: "\(error)")
        }
    }

    /// Opens the profile's session while this one goes on; it starts once this one has ended.
    func switchProfile(_ name: String) async -> Message {
        guard let profiles = services.profiles, let session else {
            return .profileSwitchRefused(name: name, reason: "profiles cannot be switched here")
        }
        do {
            return .profileSwitchAccepted(name: name, next: try profiles.open(profile: name, running: session))
        } catch {
            return .profileSwitchRefused(name: name, reason: "\(error)")
        }
    }
}
