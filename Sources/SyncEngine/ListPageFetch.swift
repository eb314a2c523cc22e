import Foundation
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// One page of a bootstrap list, decoded from the response bytes by the list's fast decoder,
    /// or by JSONDecoder when that gives up: the same answer, or the same error, as
    /// `PlatformClient.members` and its siblings.
    func listPage<Row: Codable & Sendable>(_ path: String, _ items: [(String, String)], cursor: String?,
                                           fast: (UnsafeRawBufferPointer) -> Page<Row>?) async throws -> Page<Row> {
        var items = [("limit", String(pageSize))] + items
        if let cursor { items.append(("cursor", cursor)) }
        let full = path + "?" + PathEscaping.query(items)
        let response = try await client.send(method: .GET, pathAndQuery: full)
        let page = try response.body.readableBytesView.withUnsafeBytes { bytes in
            try fast(bytes) ?? Self.strictPage(Row.self, bytes, path: full, requestId: response.requestId)
        }
        if page.hasMore, page.nextCursor == nil {
            throw PlatformError(kind: .invalidResponse("hasMore is true but nextCursor is null"), method: "GET",
                                path: full, requestId: response.requestId, attempts: 1)
        }
        return page
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
