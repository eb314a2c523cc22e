import Foundation
import GRDB
import Synchronization

/// The local SQLite mirror of one club on one platform.
///
/// WAL mode (a `DatabasePool`), so the console reads while the sync engine writes. Every
/// method is synchronous and short; callers run them off the UI thread where they can block.
public final class MirrorStore: Sendable {
    static let writerCacheKiB = 4096
    /// The writer's cache while it builds a list's deferred indexes: SQLite's sorter may hold as
    /// much as the cache in memory before it spills to a temporary file.
    static let indexBuildCacheKiB = 2048
    static let checkpointPages = 4096
    public let path: String
    let pool: DatabasePool
    /// The writer runs with `synchronous = OFF` for a bootstrap (`BootstrapDurability`).
    let relaxedWriter = Mutex(false)

    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL survives a killed process (only power loss can drop the last commits).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A purge must not leave a member's data readable in free pages of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // Readers look at a screenful at a time; their page caches (2 MiB each by default)
            // were most of what made the console's memory grow with the mirror's size.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -512")
            } else {
                // The one writer: a bootstrap commits a page of rows at a time, and with the default
                // 2 MiB cache and a checkpoint every 4 MiB of WAL it read back and rewrote the same
                // B-tree pages over and over (137,000 preads and 224,000 pwrites for 200,000 members).
                // With a checkpoint every 16 MiB, 4 MiB of cache writes as fast as 8 MiB did (paired
                // runs at 200,000 and 1,000,000 members), for 4 MiB less of the sync's memory.
                try db.execute(sql: "PRAGMA cache_size = -\(MirrorStore.writerCacheKiB)")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(MirrorStore.checkpointPages)")
            }
            db.add(function: TextMatch.function)
        }
        // Windows, counts and a detail view at once are the most the console reads together.
        configuration.maximumReaderCount = 3
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw MirrorError.cannotOpen(path: path, reason: "\(error)")
        }
        try Schema.migrator.migrate(pool)
        // The mirror holds personal data: keep it private to the user.
        chmod(path, 0o600)
    }

    /// Moves every committed page from the WAL into the database file and empties the WAL,
    /// so that what was purged is gone from both files.
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    /// The default mirror file: `$XDG_DATA_HOME/rewards-ops/<name>.sqlite`.
    public static func defaultPath(name: String = "default", environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/share"
        }
        return base + "/rewards-ops/" + name + ".sqlite"
    }
}

public enum MirrorError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the mirror \(path): \(reason)"
        }
    }
}
