import GRDB

/// A window read while a search index is being built: the rows the index covers through the
/// index, then the rest by a scan. Every indexed row comes before every scanned one, and the
/// two parts' keys differ in shape (`isScannedKey` tells them apart); each part is its own
/// keyset query, so a window reads at most a screen from each, never every match of both.
/// Results are complete at every moment of the build, in index order and then scan order.
struct SplitWindowQuery {
    var indexed: WindowQuery
    var scanned: WindowQuery
    var isScannedKey: (RowKey) -> Bool

    func fetch<Object>(_ db: Database, anchor: WindowAnchor, limit: Int, map: (Row) -> Object) throws
        -> [WindowRow<Object>] {
        switch anchor {
        case .first:
            let head = try indexed.fetch(db, anchor: .first, limit: limit, map: map)
            guard head.count < limit else { return head }
            return head + (try scanned.fetch(db, anchor: .first, limit: limit - head.count, map: map))
        case .after(let key), .atOrAfter(let key):
            if isScannedKey(key) { return try scanned.fetch(db, anchor: anchor, limit: limit, map: map) }
            let head = try indexed.fetch(db, anchor: anchor, limit: limit, map: map)
            guard head.count < limit else { return head }
            return head + (try scanned.fetch(db, anchor: .first, limit: limit - head.count, map: map))
        case .last:
            let tail = try scanned.fetch(db, anchor: .last, limit: limit, map: map)
            guard tail.count < limit else { return tail }
            return (try indexed.fetch(db, anchor: .last, limit: limit - tail.count, map: map)) + tail
        case .before(let key):
            guard isScannedKey(key) else { return try indexed.fetch(db, anchor: anchor, limit: limit, map: map) }
            let tail = try scanned.fetch(db, anchor: anchor, limit: limit, map: map)
            guard tail.count < limit else { return tail }
            return (try indexed.fetch(db, anchor: .last, limit: limit - tail.count, map: map)) + tail
        }
    }
}
