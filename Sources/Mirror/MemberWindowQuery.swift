import GRDB
import RewardsContract

/// A members window: one keyset query, or (while the search index is being built) the indexed
/// members through the index followed by the rest by a scan.
enum MemberWindowQuery {
    case single(WindowQuery)
    /// See `SplitWindowQuery`.
    case split(indexed: WindowQuery, scanned: WindowQuery)

    /// The trigram index answers substring matches of three characters or more. Its rows are
    /// read in rowid order and the first screenful ends the query: "mem" matches a million
    /// e-mails, and collecting them all first took most of a second. Members past the index's
    /// watermark are scanned, in id order, after the indexed ones.
    static func search(_ text: String, includeDeleted: Bool, index: SearchIndexState) -> MemberWindowQuery {
        let columns = Member.columns.map { "m." + $0 }.joined(separator: ", ")
        let match = ("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"").databaseValue
        var indexed = WindowQuery(
            select: "SELECT \(columns), s.rowid FROM members_search s JOIN member_keys k ON k.rowid = s.rowid"
                + " JOIN members m ON m.id = k.id",
            conditions: ["members_search MATCH ?"], arguments: [match], keyColumns: ["s.rowid"], descending: false)
        if !includeDeleted { indexed.conditions.append("m.deletedAt IS NULL") }
        guard !index.ready, let watermark = index.indexedThrough else { return .single(indexed) }
        let scan = TextMatch.member(text, prefix: "m.")
        var scanned = WindowQuery(select: "SELECT \(columns), m.id FROM members m", conditions: ["m.id > ?", scan.sql],
                                  arguments: [watermark.databaseValue] + scan.arguments, keyColumns: ["m.id"],
                                  descending: false)
        if !includeDeleted { scanned.conditions.append("m.deletedAt IS NULL") }
        return .split(indexed: indexed, scanned: scanned)
    }

    /// The same query narrowed by one more condition on the members' own columns (named without
    /// a table, which both the plain and the index queries allow).
    func narrowed(by condition: String, arguments: [DatabaseValue]) -> MemberWindowQuery {
        func narrow(_ query: WindowQuery) -> WindowQuery {
            var query = query
            query.conditions.append(condition)
            query.arguments += arguments
            return query
        }
        switch self {
        case .single(let query): return .single(narrow(query))
        case .split(let indexed, let scanned): return .split(indexed: narrow(indexed), scanned: narrow(scanned))
        }
    }

    func fetch<Object>(_ db: Database, anchor: WindowAnchor, limit: Int, map: (Row) -> Object) throws
        -> [WindowRow<Object>] {
        switch self {
        case .single(let query):
            return try query.fetch(db, anchor: anchor, limit: limit, map: map)
        case .split(let indexed, let scanned):
            // Indexed rows are keyed by their search rowid (an integer), scanned ones by their id (text).
            let split = SplitWindowQuery(indexed: indexed, scanned: scanned) { key in
                if case .text? = key.parts.first { return true }
                return false
            }
            return try split.fetch(db, anchor: anchor, limit: limit, map: map)
        }
    }
}
