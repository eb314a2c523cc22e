import Foundation
import Hummingbird
import RewardsContract

/// What a handler answers, before the per-response headers are added.
struct APIReply: Sendable {
    var status: Int
    var body: [UInt8]
    var replayed = false
    var retryAfter: Int?
    /// The key's budget after this request, sent only when the sandbox advertises it.
    var rateLimit: (limit: Int, remaining: Int)?

    /// `{"ok":true,"data":<json>}`, the data being stored JSON text.
    static func object(_ json: String) -> APIReply {
        var out = JSONBytes(capacity: json.utf8.count + 24)
        out.raw("{\"ok\":true,\"data\":")
        out.raw(json)
        out.raw("}")
        return APIReply(status: 200, body: out.bytes)
    }

    /// A list page, concatenated from stored JSON (fast: no decode and re-encode).
    static func list(_ rows: [String], nextCursor: String?, hasMore: Bool) -> APIReply {
        var out = JSONBytes(capacity: rows.reduce(96) { $0 + $1.utf8.count + 1 } + (nextCursor?.utf8.count ?? 0))
        out.raw("{\"ok\":true,\"data\":[")
        for (index, row) in rows.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw(row)
        }
        out.raw("],\"page\":{\"nextCursor\":")
        out.optional(nextCursor)
        out.raw(",\"hasMore\":")
        out.bool(hasMore)
        out.raw("}}")
        return APIReply(status: 200, body: out.bytes)
    }

    static func encoded<T: Codable & Sendable>(_ value: T) throws -> APIReply {
        .object(try JSONText.encode(value, with: JSONText.makeEncoder()))
    }

    /// `{"ok":false,"error":{...}}`: the same shape as `ErrorEnvelope`, with `ok` first as in
    /// the success envelopes.
    static func error(_ error: APIError) -> APIReply {
        let inner = (try? JSONText.encode(error.body, with: JSONText.makeEncoder()))
            ?? "{\"code\":\"internal_error\",\"message\":\"The error could not be encoded.\",\"retryable\":true}"
        return APIReply(status: error.status, body: Array("{\"ok\":false,\"error\":\(inner)}".utf8),
                        retryAfter: error.retryAfter)
    }

    func response(requestId: String) -> Response {
        var headers = HTTPFields()
        headers[HTTPHeaders.contentType] = "application/json"
        headers[HTTPHeaders.requestID] = requestId
        if replayed { headers[HTTPHeaders.idempotentReplayed] = "true" }
        if let retryAfter { headers[HTTPHeaders.retryAfter] = String(retryAfter) }
        if let rateLimit {
            headers[HTTPHeaders.rateLimitLimit] = String(rateLimit.limit)
            headers[HTTPHeaders.rateLimitRemaining] = String(rateLimit.remaining)
        }
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
