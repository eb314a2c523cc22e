import GRDB
import RewardsContract

extension MirrorStore {
    /// A LIKE pattern for a substring, wildcards in the text escaped; nil for no text. (The
    /// queue and the redemptions are small next to the members, so a scan is fine here.)
    static func likePattern(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return "%" + trimmed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    static func memberQuery(_ filter: MemberFilter, index: SearchIndexState) -> MemberWindowQuery {
        var query = WindowQuery(select: "SELECT \(Member.selectColumns), id FROM members", conditions: [], arguments: [],
                                keyColumns: ["id"], descending: false)
        if !filter.includeDeleted { query.conditions.append("deletedAt IS NULL") }
        let text = filter.text.trimmingCharacters(in: .whitespaces)
        if text.count >= 3 && !index.isEmpty {
            return MemberWindowQuery.search(text, includeDeleted: filter.includeDeleted, index: index)
        } else if !text.isEmpty {
            // One or two characters, or no index yet: a scan in id order that stops after a screen.
            let scan = TextMatch.member(text, prefix: "")
            query.conditions.append(scan.sql)
            query.arguments += scan.arguments
        }
        return .single(query)
    }

    static func redemptionQuery(_ filter: RedemptionFilter) -> WindowQuery {
        let columns = Redemption.columns.map { "r.\($0)" }.joined(separator: ", ")
        var query = WindowQuery(select: "SELECT \(columns), m.name AS memberName, m.pointsAvailable AS memberAvailable, m.payoutReady AS memberPayoutReady, r.createdEpoch, r.id FROM redemptions r LEFT JOIN members m ON m.id = r.memberId",
                                conditions: [], arguments: [], keyColumns: ["r.createdEpoch", "r.id"], descending: false)
        if let pattern = likePattern(filter.text) {
            query.conditions.append("(r.id LIKE ? ESCAPE '\\' OR r.memberId LIKE ? ESCAPE '\\' OR m.name LIKE ? ESCAPE '\\')")
            query.arguments += Array(repeating: pattern.databaseValue, count: 3)
        }
        if let status = filter.status {
            query.conditions.append("r.status = ?")
            query.arguments.append(status.rawValue.databaseValue)
        } else if filter.pendingOnly {
            query.conditions.append("r.isPending = 1")
        }
        return query
    }

    static func reviewQuery(_ filter: ReviewFilter) -> WindowQuery {
        let columns = Review.columns.map { "v.\($0)" }.joined(separator: ", ")
        var query = WindowQuery(select: "SELECT \(columns), m.name AS memberName, m.pointsAvailable AS memberAvailable, m.payoutReady AS memberPayoutReady, \(ReviewRow.subjectColumns), v.statusRank, v.createdEpoch, v.id FROM reviews v LEFT JOIN members m ON m.id = v.memberId",
                                conditions: [], arguments: [], keyColumns: ["v.statusRank", "v.createdEpoch", "v.id"],
                                descending: false)
        if let pattern = likePattern(filter.text) {
            query.conditions.append("(v.id LIKE ? ESCAPE '\\' OR v.subjectRef LIKE ? ESCAPE '\\' OR v.memberId LIKE ? ESCAPE '\\' OR m.name LIKE ? ESCAPE '\\')")
            query.arguments += Array(repeating: pattern.databaseValue, count: 4)
        }
        if !filter.statuses.isEmpty {
            query.conditions.append("v.status IN (\(filter.statuses.map { _ in "?" }.joined(separator: ",")))")
            query.arguments += filter.statuses.map { $0.rawValue.databaseValue }
        }
        return query
    }

    public func membersWindow(_ filter: MemberFilter, anchor: WindowAnchor, limit: Int) throws -> [WindowRow<Member>] {
        try pool.read { db in
            try Self.memberQuery(filter, index: MemberSearchIndex.state(db))
                .fetch(db, anchor: anchor, limit: limit, map: Member.init(row:))
        }
    }

    public func redemptionsWindow(_ filter: RedemptionFilter, anchor: WindowAnchor, limit: Int) throws
        -> [WindowRow<RedemptionRow>] {
        try pool.read { db in
            let minimum = try Self.knownMinimumRedemption(db)
            return try Self.redemptionQuery(filter).fetch(db, anchor: anchor, limit: limit) {
                RedemptionRow(redemption: Redemption(row: $0), memberName: $0["memberName"], member: MemberStanding(row: $0),
                              minimumMinor: minimum)
            }
        }
    }

    public func reviewsWindow(_ filter: ReviewFilter, anchor: WindowAnchor, limit: Int) throws -> [WindowRow<ReviewRow>] {
        try pool.read { db in
            try Self.reviewQuery(filter).fetch(db, anchor: anchor, limit: limit) { ReviewRow(row: $0) }
        }
    }

    public func counts() throws -> MirrorCounts {
        try pool.read { db in
            var counts = MirrorCounts()
            counts.members = try Int.fetchOne(db, sql: "SELECT count(*) FROM members WHERE deletedAt IS NULL") ?? 0
            counts.pendingRedemptions = try Int.fetchOne(db, sql: "SELECT count(*) FROM redemptions WHERE isPending = 1") ?? 0
            counts.openReviews = try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews WHERE statusRank = 0") ?? 0
            counts.escalatedReviews = try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews WHERE statusRank = 1") ?? 0
            counts.requestLogs = try Int.fetchOne(db, sql: "SELECT count(*) FROM request_logs") ?? 0
            counts.outboxPending = try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") ?? 0
            return counts
        }
    }

    public func member(id: String) throws -> Member? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Member.selectColumns) FROM members WHERE id = ?", arguments: [id])
                .map(Member.init(row:))
        }
    }

    public func review(id: String) throws -> Review? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Review.selectColumns) FROM reviews WHERE id = ?", arguments: [id])
                .map(Review.init(row:))
        }
    }

    public func redemption(id: String) throws -> Redemption? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Redemption.selectColumns) FROM redemptions WHERE id = ?", arguments: [id])
                .map(Redemption.init(row:))
        }
    }
}
