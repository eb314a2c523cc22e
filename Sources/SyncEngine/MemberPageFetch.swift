import Foundation
import RewardsClient
import RewardsContract

extension SyncEngine {
    /// One page of `GET /v1/members?includeDeleted=true`, decoded by `MemberPageDecoder`, or by
    /// JSONDecoder when that gives up (the same answer, or the same error, as
    /// `PlatformClient.members`).
    func memberPage(cursor: String?) async throws -> Page<Member> {
        var items: [(String, String)] = [("limit", String(pageSize)), ("includeDeleted", "true")]
        if let cursor { items.append(("cursor", cursor)) }
        let path = "/v1/members?" + PathEscaping.query(items)
        let response = try await client.send(method: .GET, pathAndQuery: path)
        let page = try response.body.readableBytesView.withUnsafeBytes { bytes in
            try MemberPageDecoder.decode(bytes) ?? Self.strictMemberPage(bytes, path: path, requestId: response.requestId)
        }
        if page.hasMore, page.nextCursor == nil {
            throw PlatformError(kind: .invalidResponse("hasMore is true but nextCursor is null"), method: "GET",
                                path: path, requestId: response.requestId, attempts: 1)
        }
        return page
    }

    static func strictMemberPage(_ bytes: UnsafeRawBufferPointer, path: String, requestId: String?) throws
        -> Page<Member> {
        do {
            let envelope = try JSONDecoder().decode(SuccessEnvelope<[Member]>.self, from: Data(bytes))
            return Page(rows: envelope.data, nextCursor: envelope.page?.nextCursor, hasMore: envelope.page?.hasMore ?? false)
        } catch {
            throw PlatformError(kind: .invalidResponse("the answer did not decode: \(error)"), method: "GET", path: path,
                                requestId: requestId, attempts: 1)
        }
    }
}
