import GRDB

/// Small named values of the store: feed position, id counters, what generated the data.
enum MetaKey: Sendable {
    case format, seed, members, epoch, headSeq, droppedThrough
    case counter(ObjectKind)

    var name: String {
        switch self {
        case .format: return "format"
        case .seed: return "seed"
        case .members: return "members"
        case .epoch: return "epoch"
        case .headSeq: return "headSeq"
        case .droppedThrough: return "droppedThrough"
        case .counter(let kind): return "next." + kind.rawValue
        }
    }
}

enum MetaValues {
    static func string(_ db: Database, _ key: MetaKey) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key.name])
    }

    static func int(_ db: Database, _ key: MetaKey) throws -> Int64? {
        try string(db, key).flatMap { Int64($0) }
    }

    static func set(_ db: Database, _ key: MetaKey, _ value: String) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            .execute(arguments: [key.name, value])
    }

    static func set(_ db: Database, _ key: MetaKey, _ value: Int64) throws {
        try set(db, key, String(value))
    }
}
