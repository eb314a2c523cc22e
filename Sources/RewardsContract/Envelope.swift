/// The body of an error response (seed 002): `{"ok": false, "error": {...}}`.
public struct APIErrorBody: Codable, Hashable, Sendable {
    public var code: ErrorCode
    public var message: String
    public var retryable: Bool
    public var details: JSONValue?

    public init(code: ErrorCode, message: String, retryable: Bool? = nil, details: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.retryable = retryable ?? code.isRetryable
        self.details = details
    }
}

public struct ErrorEnvelope: Codable, Sendable {
    public var ok: Bool
    public var error: APIErrorBody

    public init(error: APIErrorBody) {
        self.ok = false
        self.error = error
    }
}

/// `page` of a list response. `nextCursor` is null exactly when `hasMore` is false.
public struct PageInfo: Codable, Hashable, Sendable {
    public var nextCursor: String?
    public var hasMore: Bool

    public init(nextCursor: String?, hasMore: Bool) {
        self.nextCursor = nextCursor
        self.hasMore = hasMore
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(hasMore, forKey: .hasMore)
    }
}

/// `{"ok": true, "data": ..., "page": ...?}`.
public struct SuccessEnvelope<Payload: Codable & Sendable>: Codable, Sendable {
    public var ok: Bool
    public var data: Payload
    public var page: PageInfo?

    public init(data: Payload, page: PageInfo? = nil) {
        self.ok = true
        self.data = data
        self.page = page
    }
}

/// One page of a list: its rows and where the next page starts.
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var nextCursor: String?
    public var hasMore: Bool

    public init(rows: [Row], nextCursor: String?, hasMore: Bool) {
        self.rows = rows
        self.nextCursor = nextCursor
        self.hasMore = hasMore
    }
}
