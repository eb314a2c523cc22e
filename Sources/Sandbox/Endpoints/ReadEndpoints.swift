import GRDB
import RewardsContract

/// The reads of contract §6 (the feed is in FeedEndpoints).
struct ReadEndpoints: Sendable {
    let store: SandboxStore
    let club: ClubIdentity
    let environment: Environment
    let delayer: ListDelayer

    func me(key: IssuedKey) throws -> APIReply {
        try .encoded(Me(keyId: key.id, clubId: club.clubId, clubName: club.clubName, environment: environment,
                        role: key.role))
    }

    func members(_ query: QueryParameters) async throws -> APIReply {
        let q = try query.single("q") ?? ""
        let includeDeleted: Bool
        switch try query.single("includeDeleted") {
        case nil, "false"?: includeDeleted = false
        case "true"?: includeDeleted = true
        default: throw APIError.invalidRequest("'includeDeleted' must be true or false.")
        }
        var filter = ListFilter()
        if !includeDeleted { filter.add("deleted = 0") }
        if !q.isEmpty { filter.add("instr(search, ?) > 0", [MemberSearch.normalise(q).databaseValue]) }
        return try await list(endpoint: "members", table: Member.table.name, filter: filter,
                              fingerprint: "q=\(q)|includeDeleted=\(includeDeleted)", query: query)
    }

    func member(id: String) async throws -> APIReply {
        guard let json = try await store.objectJSON(table: Member.table.name, id: id) else {
            throw APIError(.cardholderNotFound, "No member with this id exists in the club.",
                           details: .object(["memberId": .string(id)]))
        }
        return .object(json)
    }

    func ledger(memberId: String, _ query: QueryParameters) async throws -> APIReply {
        let parameters = try ListParameters(query)
        let endpoint = "ledger", fingerprint = "member=\(memberId)"
        let after = try parameters.cursor.map { try Cursors.lastKey(of: $0, endpoint: endpoint, filters: fingerprint) }
        guard try await store.objectJSON(table: Member.table.name, id: memberId) != nil else {
            throw APIError(.cardholderNotFound, "No member with this id exists in the club.",
                           details: .object(["memberId": .string(memberId)]))
        }
        let page = try await store.ledgerPage(memberId: memberId, after: after, limit: parameters.limit)
        return reply(page, endpoint: endpoint, fingerprint: fingerprint)
    }

    func redemptions(_ query: QueryParameters) async throws -> APIReply {
        try await byStatus(query, endpoint: "redemptions", table: Redemption.table.name,
                           known: ["pending_approval", "reserved", "paid", "payout_failed", "escalated", "rejected",
                                   "cancelled"])
    }

    func reviews(_ query: QueryParameters) async throws -> APIReply {
        try await byStatus(query, endpoint: "reviews", table: Review.table.name, known: ["open", "escalated", "approved"])
    }

    func requestLogs(_ query: QueryParameters) async throws -> APIReply {
        var filter = ListFilter()
        var fingerprint = "since="
        if let since = try query.single("since") {
            guard let date = RFC3339.parse(since) else {
                throw APIError.invalidRequest("'since' must be an RFC 3339 timestamp.")
            }
            let micros = Microseconds.of(date)
            filter.add("atMicros >= ?", [micros.databaseValue])
            fingerprint += String(micros)
        }
        return try await list(endpoint: "request-logs", table: RequestLog.table.name, filter: filter,
                              fingerprint: fingerprint, query: query)
    }

    private func byStatus(_ query: QueryParameters, endpoint: String, table: String, known: Set<String>) async throws
        -> APIReply {
        let statuses = Set(query.values("status"))
        if let unknown = statuses.subtracting(known).sorted().first {
            throw APIError.invalidRequest("Unknown status '\(unknown)'.", details: .object(["status": .string(unknown)]))
        }
        var filter = ListFilter()
        if !statuses.isEmpty {
            let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
            filter.add("status IN (\(marks))", statuses.sorted().map(\.databaseValue))
        }
        return try await list(endpoint: endpoint, table: table, filter: filter,
                              fingerprint: "status=" + statuses.sorted().joined(separator: ","), query: query)
    }

    private func list(endpoint: String, table: String, filter: ListFilter, fingerprint: String,
                      query: QueryParameters) async throws -> APIReply {
        let parameters = try ListParameters(query)
        let after = try parameters.cursor.map { try Cursors.lastKey(of: $0, endpoint: endpoint, filters: fingerprint) }
        if let list = ListDelays.List(rawValue: endpoint) { await delayer.hold(list) }
        let page = try await store.page(table: table, filter: filter, afterId: after, limit: parameters.limit)
        return reply(page, endpoint: endpoint, fingerprint: fingerprint)
    }

    private func reply(_ page: StoredPage, endpoint: String, fingerprint: String) -> APIReply {
        let next = page.hasMore ? page.lastKey.map {
            Cursors.listCursor(endpoint: endpoint, filters: fingerprint, lastKey: $0)
        } : nil
        return .list(page.json, nextCursor: next, hasMore: next != nil)
    }
}
