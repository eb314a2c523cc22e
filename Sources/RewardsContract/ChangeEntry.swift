public struct ChangeType: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let member: ChangeType = "member"
    public static let redemption: ChangeType = "redemption"
    public static let review: ChangeType = "review"
    public static let requestLog: ChangeType = "request_log"
}

public struct ChangeOp: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let upsert: ChangeOp = "upsert"
    public static let delete: ChangeOp = "delete"
}

/// The object an upsert carries, typed by the entry's `type`.
public enum ChangeObject: Hashable, Sendable {
    case member(Member)
    case redemption(Redemption)
    case review(Review)
    case requestLog(RequestLog)
    /// An entry of a type this client does not know: skipped, as §11 says.
    case unknown
}

/// One entry of the change feed (contract §7).
public struct ChangeEntry: Codable, Hashable, Sendable {
    public var seq: String
    public var type: ChangeType
    public var op: ChangeOp
    public var id: String
    public var version: Int
    public var object: ChangeObject?

    public init(seq: String, type: ChangeType, op: ChangeOp, id: String, version: Int, object: ChangeObject?) {
        self.seq = seq; self.type = type; self.op = op; self.id = id; self.version = version; self.object = object
    }

    enum CodingKeys: String, CodingKey { case seq, type, op, id, version, object }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seq = try c.decode(String.self, forKey: .seq)
        type = try c.decode(ChangeType.self, forKey: .type)
        op = try c.decode(ChangeOp.self, forKey: .op)
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(Int.self, forKey: .version)
        if try c.decodeNil(forKey: .object) {
            object = nil
        } else {
            switch type {
            case .member: object = .member(try c.decode(Member.self, forKey: .object))
            case .redemption: object = .redemption(try c.decode(Redemption.self, forKey: .object))
            case .review: object = .review(try c.decode(Review.self, forKey: .object))
            case .requestLog: object = .requestLog(try c.decode(RequestLog.self, forKey: .object))
            default: object = .unknown
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq); try c.encode(type, forKey: .type); try c.encode(op, forKey: .op)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        switch object {
        case .member(let value): try c.encode(value, forKey: .object)
        case .redemption(let value): try c.encode(value, forKey: .object)
        case .review(let value): try c.encode(value, forKey: .object)
        case .requestLog(let value): try c.encode(value, forKey: .object)
        case .unknown, nil: try c.encodeNil(forKey: .object)
        }
    }
}
