import Mirror

/// Turns a window request into keyset seeks of one pane's rows.
enum WindowSeeks {
    /// One seek: is there any row before the window's first?
    static func isAtStart<Row>(_ rows: [WindowRow<Row>], fetch: (WindowAnchor, Int) throws -> [WindowRow<Row>]) throws
        -> Bool {
        guard let first = rows.first else { return true }
        return try fetch(.before(first.key), 1).isEmpty
    }

    /// The rows of a request. A window is kept full when there are enough rows: near the end
    /// it is filled from above.
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
