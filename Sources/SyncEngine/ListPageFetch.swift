import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// A list page as it arrived, before its rows are decoded: the response, and where the list
/// goes on from it when that could be read ahead of the rows (`ListPageDecoder.pageInfo`).
struct ReceivedPage: Sendable {
    var kind: ObjectKind
    var path: String
    var response: PlatformClient.Response
    var ahead: PageInfo?
}

extension SyncEngine {
    /// Asks for one page of a bootstrap list and reads its cursor ahead of its rows.
    func receivePage(_ kind: ObjectKind, cursor: String?) async throws -> ReceivedPage {
        var items = [("limit", String(pageSize))] + kind.bootstrapQuery
        if let cursor { items.append(("cursor", cursor)) }
        let full = kind.listPath + "?" + PathEscaping.query(items)
        let response = try await client.send(method: .GET, pathAndQuery: full)
        let ahead = response.body.readableBytesView.withUnsafeBytes { ListPageDecoder.pageInfo($0) }
        if let ahead { try Self.checkCursor(ahead, path: full, requestId: response.requestId) }
        return ReceivedPage(kind: kind, path: full, response: response, ahead: ahead)
    }

    /// Decodes a received page's rows (`decodePage`).
    static func decode(_ received: ReceivedPage) throws -> ListPage {
        try received.response.body.readableBytesView.withUnsafeBytes { bytes in
            try decodePage(received.kind, bytes, path: received.path, requestId: received.response.requestId,
                           readAhead: received.ahead)
        }
    }

    /// Decodes a page of `kind` with the list's fast decoder, or with JSONDecoder when that gives
    /// up: the same answer, or the same error, as `PlatformClient.members` and its siblings. A
    /// cursor read ahead of the rows (the next request already went out with it) must be the
    /// one the whole page holds, or the page is refused.
    static func decodePage(_ kind: ObjectKind, _ bytes: UnsafeRawBufferPointer, path: String, requestId: String?,
                           readAhead: PageInfo?) throws -> ListPage {
        func decoded<Row: Codable & Sendable>(_ fast: (UnsafeRawBufferPointer) -> Page<Row>?,
                                              _ rows: ([Row]) -> BootstrapRows) throws -> ListPage {
            let page = try fast(bytes) ?? strictPage(Row.self, bytes, path: path, requestId: requestId)
            return ListPage(rows: rows(page.rows), nextCursor: page.nextCursor, hasMore: page.hasMore)
        }
        let page: ListPage
        switch kind {
        case .member: page = try decoded(MemberPageDecoder.decode, BootstrapRows.members)
        case .redemption: page = try decoded(QueuePageDecoders.redemptions, BootstrapRows.redemptions)
        case .review: page = try decoded(QueuePageDecoders.reviews, BootstrapRows.reviews)
        case .requestLog: page = try decoded(QueuePageDecoders.requestLogs, BootstrapRows.requestLogs)
        }
        let info = PageInfo(nextCursor: page.nextCursor, hasMore: page.hasMore)
        try checkCursor(info, path: path, requestId: requestId)
        if let readAhead, readAhead != info {
            throw PlatformError(kind: .invalidResponse("the page's cursor reads differently on a second look"),
                                method: "GET", path: path, requestId: requestId, attempts: 1)
        }
        return page
    }

    /// One page of a bootstrap list, received and decoded.
    func fetchPage(_ kind: ObjectKind, cursor: String?) async throws -> ListPage {
        try Self.decode(try await receivePage(kind, cursor: cursor))
    }

    private static func checkCursor(_ info: PageInfo, path: String, requestId: String?) throws {
        if info.hasMore, info.nextCursor == nil {
            throw PlatformError(kind: .invalidResponse("hasMore is true but nextCursor is null"), method: "GET",
                                path: path, requestId: requestId, attempts: 1)
        }
    }

    static func strictPage<Row: Codable & Sendable>(_ type: Row.Type, _ bytes: UnsafeRawBufferPointer, path: String,
                                                    requestId: String?) throws -> Page<Row> {
        do {
            let envelope = try JSONDecoder().decode(SuccessEnvelope<[Row]>.self, from: Data(bytes))
            return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor, hasMore: envelope.page?.hasMore ?? false)
        } catch {
            throw PlatformError(kind: .invalidResponse("the answer did not decode: \(error)"), method: "GET", path: path,
                                requestId: requestId, attempts: 1)
        }
    }
}
