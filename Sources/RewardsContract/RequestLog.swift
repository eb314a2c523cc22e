/// A failed API call of the club's integrations (contract §5), `log_...`.
public struct RequestLog: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var version: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var requestId: String
    public var at: Timestamp
    public var method: String
    public var path: String
    public var httpStatus: Int
    public var code: ErrorCode
    public var message: String
    public var retryable: Bool
    public var idempotencyKey: String?
    public var details: JSONValue?

    public init(id: String, version: Int, createdAt: Timestamp, updatedAt: Timestamp, requestId: String,
                at: Timestamp, method: String, path: String, httpStatus: Int, code: ErrorCode,
                message: String, retryable: Bool, idempotencyKey: String? = nil, details: JSONValue? = nil) {
        self.id = id; self.version = version; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.requestId = requestId; self.at = at; self.method = method; self.path = path
        self.httpStatus = httpStatus; self.code = code; self.message = message; self.retryable = retryable
        self.idempotencyKey = idempotencyKey; self.details = details
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(requestId, forKey: .requestId); try c.encode(at, forKey: .at)
        try c.encode(method, forKey: .method); try c.encode(path, forKey: .path)
        try c.encode(httpStatus, forKey: .httpStatus); try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message); try c.encode(retryable, forKey: .retryable)
        try c.encode(idempotencyKey, forKey: .idempotencyKey); try c.encode(details, forKey: .details)
    }
}
