import GRDB
import RewardsContract

extension MirrorStore {
    /// Calls `body` with every object of a kind in id order, a batch at a time, so an export
    /// of a million members never holds more than one batch in memory.
    public func forEachMember(batchSize: Int = 2000, _ body: ([Member]) throws -> Void) throws {
        try forEach(Member.self, batchSize: batchSize, body)
    }

    public func forEachRedemption(batchSize: Int = 2000, _ body: ([Redemption]) throws -> Void) throws {
        try forEach(Redemption.self, batchSize: batchSize, body)
    }

    public func forEachReview(batchSize: Int = 2000, _ body: ([Review]) throws -> Void) throws {
        try forEach(Review.self, batchSize: batchSize, body)
    }

    public func forEachRequestLog(batchSize: Int = 2000, _ body: ([RequestLog]) throws -> Void) throws {
        try forEach(RequestLog.self, batchSize: batchSize, body)
    }

    private func forEach<Object: MirroredObject>(_ type: Object.Type, batchSize: Int, _ body: ([Object]) throws -> Void) throws {
        var lastId: String?
        while true {
            let batch: [Object] = try pool.read { db in
                let sql = "SELECT \(Object.selectColumns) FROM \(Object.objectKind.table)"
                    + (lastId == nil ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?"
                let arguments: StatementArguments = lastId.map { [$0, batchSize] } ?? [batchSize]
                return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Object.init(row:))
            }
            if batch.isEmpty { return }
            try body(batch)
            lastId = batch.last?.id
            if batch.count < batchSize { return }
        }
    }

    public func tombstoneCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tombstones") ?? 0 }
    }
}

extension MirrorStore {
    /// Rows per list kind (`member`, `redemption`, `review`, `request_log`), soft-deleted included.
    public func rowCounts() throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for kind in ObjectKind.allCases {
                counts[kind.rawValue] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0
            }
            return counts
        }
    }
}
