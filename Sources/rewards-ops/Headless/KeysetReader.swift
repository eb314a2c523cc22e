import Mirror

enum KeysetReader {
    /// Up to `limit` rows of a keyset window query, read a page at a time from the top, and
    /// whether more rows follow them. Never reads more than `limit` + 1 rows.
    static func read<Row: Sendable & Hashable>(limit: Int, pageSize: Int = 500,
                                              _ window: (WindowAnchor, Int) throws -> [WindowRow<Row>]) throws
        -> (rows: [Row], hasMore: Bool) {
        var rows: [Row] = []
        var anchor = WindowAnchor.first
        while rows.count <= limit {
            let wanted = min(pageSize, limit + 1 - rows.count)
            let page = try window(anchor, wanted)
            rows += page.map(\.object)
            guard page.count == wanted, let last = page.last else { break }
            anchor = .after(last.key)
        }
        let hasMore = rows.count > limit
        return (Array(rows.prefix(limit)), hasMore)
    }
}
