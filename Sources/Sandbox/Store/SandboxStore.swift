import Foundation
import GRDB
import RewardsContract
import Synchronization

/// The sandbox's state: one SQLite database, in memory or in a file.
final class SandboxStore: Sendable {
    let queue: DatabaseQueue
    let club: ClubIdentity
    let ids: IdentifierScheme
    /// Identifies this feed's history; cursors of another epoch are expired (410).
    let epoch: String
    let historyLimit: Int
    let signal: FeedSignal
    /// Open incidents (see `ClubIncident`) and how many callers hold each open, applied to
    /// every transaction's view of the settings.
    private let incidents = Mutex<[ClubIncident: Int]>([:])
    private let lastSweep = Mutex(Date())

    private init(queue: DatabaseQueue, club: ClubIdentity, ids: IdentifierScheme, epoch: String,
                 historyLimit: Int, head: Int64) {
        self.queue = queue
        self.club = club
        self.ids = ids
        self.epoch = epoch
        self.historyLimit = historyLimit
        self.signal = FeedSignal(head: head)
    }

    /// Opens the state, generating it unless a state file made from the same seed and size exists.
    static func open(options: SandboxOptions, club: ClubIdentity, deciderKeyId: String, now: Date) async throws
        -> SandboxStore {
        var configuration = Configuration()
        configuration.label = "sandbox"
        let isFile = options.statePath != nil
        configuration.prepareDatabase { db in
            // Only takes effect before the first table exists, which is when it matters.
            try db.execute(sql: "PRAGMA page_size = 16384")
            if isFile { try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
        }
        let queue: DatabaseQueue
        if let path = options.statePath {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } else {
            queue = try DatabaseQueue(configuration: configuration)
        }
        let ids = IdentifierScheme(seed: options.seed)
        let existing = try await queue.read { db -> (epoch: String, head: Int64)? in
            guard try db.tableExists("meta"),
                  try MetaValues.string(db, .format) == StoreSchema.format,
                  try MetaValues.string(db, .seed) == String(options.seed),
                  try MetaValues.int(db, .members) == Int64(options.members),
                  let epoch = try MetaValues.string(db, .epoch) else { return nil }
            return (epoch, try MetaValues.int(db, .headSeq) ?? 0)
        }
        if let existing {
            try await queue.write { db in
                try IdempotencyRecords.sweep(db, now: now)
                // A state file from before the counts were kept: counted once, kept from then on.
                for table in StoreSchema.objectTables where try MetaValues.int(db, .rows(table: table)) == nil {
                    try MetaValues.set(db, .rows(table: table),
                                       Int64(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0))
                }
            }
            return SandboxStore(queue: queue, club: club, ids: ids, epoch: existing.epoch,
                                historyLimit: options.feedHistoryLimit, head: existing.head)
        }
        let epoch = "e" + Mix64.base36(Mix64.mix(options.seed ^ UInt64(Microseconds.of(now))), width: 13)
        try await queue.writeWithoutTransaction { db in
            for table in StoreSchema.tables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
            try StoreSchema.create(in: db)
        }
        let generator = InitialDataGenerator(seed: options.seed, club: club, ids: ids, now: now,
                                             deciderKeyId: deciderKeyId)
        let rowCounts = try await BulkLoader.load(generator: generator, members: UInt64(max(options.members, 0)),
                                                  into: queue)
        try await queue.write { db in
            for table in StoreSchema.objectTables {
                try MetaValues.set(db, .rows(table: table), rowCounts[table] ?? 0)
            }
            try StoreSchema.createLateIndexes(in: db)
            try MetaValues.setClubSettings(db, options.club)
            try MetaValues.set(db, .format, StoreSchema.format)
            try MetaValues.set(db, .seed, String(options.seed))
            try MetaValues.set(db, .members, Int64(options.members))
            try MetaValues.set(db, .epoch, epoch)
            try MetaValues.set(db, .headSeq, 0)
            try MetaValues.set(db, .droppedThrough, 0)
            let count = UInt64(max(options.members, 0))
            let firstFree: [(ObjectKind, UInt64)] = [
                (.member, count), (.ledger, count * IdentifierScheme.ledgerSlotsPerMember),
                (.transaction, count * IdentifierScheme.ledgerSlotsPerMember),
                (.redemption, count * IdentifierScheme.redemptionSlotsPerMember),
                (.review, count * IdentifierScheme.reviewSlotsPerMember),
                (.requestLog, count * IdentifierScheme.logSlotsPerMember),
            ]
            for (kind, next) in firstFree { try MetaValues.set(db, .counter(kind), Int64(next)) }
        }
        return SandboxStore(queue: queue, club: club, ids: ids, epoch: epoch,
                            historyLimit: options.feedHistoryLimit, head: 0)
    }

    /// Runs one write transaction and wakes feed readers if it appended changes.
    func write<T: Sendable>(now: Date = Date(), _ body: @escaping @Sendable (StoreTransaction) throws -> T)
        async throws -> T {
        let (club, ids, limit) = (club, ids, historyLimit)
        let incidents = Set(self.incidents.withLock { $0 }.keys)
        let (result, head) = try await queue.write { db in
            let transaction = try StoreTransaction(db: db, now: now, club: club, ids: ids, incidents: incidents)
            let result = try body(transaction)
            try transaction.finish(historyLimit: limit)
            return (result, transaction.head)
        }
        await signal.publish(head: head)
        return result
    }

    /// True at most once every ten minutes: time to sweep expired idempotency records.
    func idempotencySweepDue(now: Date) -> Bool {
        lastSweep.withLock { last in
            guard now.timeIntervalSince(last) >= 600 else { return false }
            last = now
            return true
        }
    }

    /// Runs `body` with the incident open; overlapping callers each keep it open until they end.
    func during<T: Sendable>(_ incident: ClubIncident, _ body: () async -> T) async -> T {
        incidents.withLock { $0[incident, default: 0] += 1 }
        let result = await body()
        incidents.withLock { counts in
            let left = (counts[incident] ?? 1) - 1
            counts[incident] = left > 0 ? left : nil
        }
        return result
    }

    func close() async {
        await signal.close()
    }
}
