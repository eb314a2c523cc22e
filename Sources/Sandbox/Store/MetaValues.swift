import Foundation
import GRDB

/// Small named values of the store: feed position, id counters, rows per list, what
/// generated the data.
enum MetaKey: Sendable {
    case format, seed, members, epoch, headSeq, droppedThrough, club
    case counter(ObjectKind)
    /// The rows an object table holds, kept by every write so that the feed head can say how
    /// long each list is without counting a million rows.
    case rows(table: String)

    var name: String {
        switch self {
        case .format: return "format"
        case .seed: return "seed"
        case .members: return "members"
        case .epoch: return "epoch"
        case .headSeq: return "headSeq"
        case .droppedThrough: return "droppedThrough"
        case .club: return "club"
        case .counter(let kind): return "next." + kind.rawValue
        case .rows(let table): return "rows." + table
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

    static func clubSettings(_ db: Database) throws -> ClubSettings {
        guard let text = try string(db, .club) else { return ClubSettings() }
        return try JSONDecoder().decode(ClubSettings.self, from: Data(text.utf8))
    }

    static func setClubSettings(_ db: Database, _ settings: ClubSettings) throws {
        try set(db, .club, JSONText.encode(settings, with: JSONText.makeEncoder()))
    }
}
