import Foundation
import NIOHTTP1
import RewardsContract

extension PlatformClient {
    public func me() async throws -> Me {
        try await get(Me.self, "/v1/me").data
    }

    public func feedHead() async throws -> FeedHead {
        try await get(FeedHead.self, "/v1/changes/head").data
    }

    public func members(cursor: String?, limit: Int = 500, includeDeleted: Bool = true, query: String? = nil)
        async throws -> Page<Member> {
        var items: [(String, String)] = [("limit", String(limit))]
        if includeDeleted { items.append(("includeDeleted", "true")) }
        if let query { items.append(("q", query)) }
        if let cursor { items.append(("cursor", cursor)) }
        return try await page(Member.self, "/v1/members", items)
    }

    public func member(id: String) async throws -> Member {
        try await get(Member.self, "/v1/members/" + PathEscaping.segment(id)).data
    }

    public func ledger(memberId: String, cursor: String?, limit: Int = 200) async throws -> Page<LedgerEntry> {
        var items: [(String, String)] = [("limit", String(limit))]
        if let cursor { items.append(("cursor", cursor)) }
        return try await page(LedgerEntry.self, "/v1/members/" + PathEscaping.segment(memberId) + "/ledger", items)
    }

    public func redemptions(cursor: String?, limit: Int = 500, statuses: [RedemptionStatus] = []) async throws
        -> Page<Redemption> {
        var items: [(String, String)] = [("limit", String(limit))]
        items += statuses.map { ("status", $0.rawValue) }
        if let cursor { items.append(("cursor", cursor)) }
        return try await page(Redemption.self, "/v1/redemptions", items)
    }

    public func reviews(cursor: String?, limit: Int = 500, statuses: [ReviewStatus] = []) async throws -> Page<Review> {
        var items: [(String, String)] = [("limit", String(limit))]
        items += statuses.map { ("status", $0.rawValue) }
        if let cursor { items.append(("cursor", cursor)) }
        return try await page(Review.self, "/v1/reviews", items)
    }

    public func requestLogs(cursor: String?, limit: Int = 500, since: Timestamp? = nil) async throws -> Page<RequestLog> {
        var items: [(String, String)] = [("limit", String(limit))]
        if let since { items.append(("since", since.raw)) }
        if let cursor { items.append(("cursor", cursor)) }
        return try await page(RequestLog.self, "/v1/request-logs", items)
    }

    /// One page of the change feed; with `waitSeconds` > 0 the server may hold the call
    /// until something changes (long-poll, §7).
    public func changes(after cursor: String, limit: Int = 1000, waitSeconds: Int = 0) async throws -> Page<ChangeEntry> {
        var items: [(String, String)] = [("after", cursor), ("limit", String(limit))]
        if waitSeconds > 0 { items.append(("waitSeconds", String(min(waitSeconds, 30)))) }
        let path = "/v1/changes?" + PathEscaping.query(items)
        let response = try await send(method: .GET, pathAndQuery: path, extraTimeoutSeconds: Double(waitSeconds))
        let envelope = try decode([ChangeEntry].self, from: response, method: .GET, path: path)
        return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor ?? cursor,
                    hasMore: envelope.page?.hasMore ?? false)
    }

    func get<Payload: Codable & Sendable>(_ type: Payload.Type, _ path: String) async throws -> SuccessEnvelope<Payload> {
        let response = try await send(method: .GET, pathAndQuery: path)
        return try decode(Payload.self, from: response, method: .GET, path: path)
    }

    func page<Row: Codable & Sendable>(_ type: Row.Type, _ path: String, _ items: [(String, String)]) async throws
        -> Page<Row> {
        let full = items.isEmpty ? path : path + "?" + PathEscaping.query(items)
        let envelope = try await get([Row].self, full)
        let hasMore = envelope.page?.hasMore ?? false
        if hasMore, envelope.page?.nextCursor == nil {
            throw PlatformError(kind: .invalidResponse("hasMore is true but nextCursor is null"), method: "GET",
                                path: full, requestId: nil, attempts: 1)
        }
        return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor, hasMore: hasMore)
    }
}
