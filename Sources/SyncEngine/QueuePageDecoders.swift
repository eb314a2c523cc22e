import RewardsContract

/// The fast decoders of the other three lists a bootstrap reads (see `ListPageDecoder`).
/// Optional fields are nil when absent or null, as JSONDecoder's `decodeIfPresent` reads them;
/// a slot of type `T??` tells "not seen" (nil) from "null" (.some(nil)).
enum QueuePageDecoders {
    static func redemptions(_ bytes: UnsafeRawBufferPointer) -> Page<Redemption>? {
        ListPageDecoder.decode(bytes, row: redemption)
    }

    static func reviews(_ bytes: UnsafeRawBufferPointer) -> Page<Review>? {
        ListPageDecoder.decode(bytes, row: review)
    }

    static func requestLogs(_ bytes: UnsafeRawBufferPointer) -> Page<RequestLog>? {
        ListPageDecoder.decode(bytes, row: requestLog)
    }

    static func redemption(_ scanner: inout JSONScanner) throws -> Redemption {
        var id: String?, createdAt: String?, updatedAt: String?, memberId: String?, currency: String?, status: String?
        var version: Int?, points: Int?, cashValueMinor: Int?, payoutAttempts: Int?
        var lastError: RedemptionError??, lastActionBy: String??, lastActionAt: String??
        try ObjectFields.read(&scanner) { key, scanner in
            switch key {
            case "id": return try once(&id) { try scanner.string() }
            case "version": return try once(&version) { try scanner.int() }
            case "createdAt": return try once(&createdAt) { try scanner.string() }
            case "updatedAt": return try once(&updatedAt) { try scanner.string() }
            case "memberId": return try once(&memberId) { try scanner.string() }
            case "points": return try once(&points) { try scanner.int() }
            case "cashValueMinor": return try once(&cashValueMinor) { try scanner.int() }
            case "currency": return try once(&currency) { try scanner.string() }
            case "status": return try once(&status) { try scanner.string() }
            case "payoutAttempts": return try once(&payoutAttempts) { try scanner.int() }
            case "lastError": return try once(&lastError) { try scanner.takeNull() ? nil : redemptionError(&scanner) }
            case "lastActionBy": return try once(&lastActionBy) { try scanner.optionalString() }
            case "lastActionAt": return try once(&lastActionAt) { try scanner.optionalString() }
            default: return false
            }
        }
        return Redemption(id: try id.required(), version: try version.required(),
                          createdAt: Timestamp(raw: try createdAt.required()), updatedAt: Timestamp(raw: try updatedAt.required()),
                          memberId: try memberId.required(), points: try points.required(),
                          cashValueMinor: try cashValueMinor.required(), currency: try currency.required(),
                          status: RedemptionStatus(rawValue: try status.required()),
                          payoutAttempts: try payoutAttempts.required(), lastError: lastError ?? nil,
                          lastActionBy: lastActionBy ?? nil, lastActionAt: (lastActionAt ?? nil).map(Timestamp.init(raw:)))
    }

    private static func redemptionError(_ scanner: inout JSONScanner) throws -> RedemptionError {
        var code: String?, message: String?
        try ObjectFields.read(&scanner) { key, scanner in
            switch key {
            case "code": return try once(&code) { try scanner.string() }
            case "message": return try once(&message) { try scanner.string() }
            default: return false
            }
        }
        return RedemptionError(code: ErrorCode(rawValue: try code.required()), message: try message.required())
    }

    static func review(_ scanner: inout JSONScanner) throws -> Review {
        var id: String?, createdAt: String?, updatedAt: String?, kind: String?, reasonCode: String?, memberId: String?
        var subjectRef: String?, currency: String?, status: String?
        var version: Int?, pointsRequested: Int?, pointsAvailable: Int?, amountMinor: Int?, escalationLevel: Int?
        var note: String??, decidedBy: String??, decidedAt: String??, lastActionBy: String??, lastActionAt: String??
        try ObjectFields.read(&scanner) { key, scanner in
            switch key {
            case "id": return try once(&id) { try scanner.string() }
            case "version": return try once(&version) { try scanner.int() }
            case "createdAt": return try once(&createdAt) { try scanner.string() }
            case "updatedAt": return try once(&updatedAt) { try scanner.string() }
            case "kind": return try once(&kind) { try scanner.string() }
            case "reasonCode": return try once(&reasonCode) { try scanner.string() }
            case "memberId": return try once(&memberId) { try scanner.string() }
            case "subjectRef": return try once(&subjectRef) { try scanner.string() }
            case "pointsRequested": return try once(&pointsRequested) { try scanner.int() }
            case "pointsAvailable": return try once(&pointsAvailable) { try scanner.int() }
            case "amountMinor": return try once(&amountMinor) { try scanner.int() }
            case "currency": return try once(&currency) { try scanner.string() }
            case "status": return try once(&status) { try scanner.string() }
            case "escalationLevel": return try once(&escalationLevel) { try scanner.int() }
            case "note": return try once(&note) { try scanner.optionalString() }
            case "decidedBy": return try once(&decidedBy) { try scanner.optionalString() }
            case "decidedAt": return try once(&decidedAt) { try scanner.optionalString() }
            case "lastActionBy": return try once(&lastActionBy) { try scanner.optionalString() }
            case "lastActionAt": return try once(&lastActionAt) { try scanner.optionalString() }
            default: return false
            }
        }
        return Review(id: try id.required(), version: try version.required(),
                      createdAt: Timestamp(raw: try createdAt.required()), updatedAt: Timestamp(raw: try updatedAt.required()),
                      kind: ReviewKind(rawValue: try kind.required()), reasonCode: try reasonCode.required(),
                      memberId: try memberId.required(), subjectRef: try subjectRef.required(),
                      pointsRequested: try pointsRequested.required(), pointsAvailable: try pointsAvailable.required(),
                      amountMinor: try amountMinor.required(), currency: try currency.required(),
                      status: ReviewStatus(rawValue: try status.required()), escalationLevel: try escalationLevel.required(),
                      note: note ?? nil, decidedBy: decidedBy ?? nil, decidedAt: (decidedAt ?? nil).map(Timestamp.init(raw:)),
                      lastActionBy: lastActionBy ?? nil, lastActionAt: (lastActionAt ?? nil).map(Timestamp.init(raw:)))
    }

    static func requestLog(_ scanner: inout JSONScanner) throws -> RequestLog {
        var id: String?, createdAt: String?, updatedAt: String?, requestId: String?, at: String?, method: String?
        var path: String?, code: String?, message: String?
        var version: Int?, httpStatus: Int?, retryable: Bool?
        var idempotencyKey: String??, details: JSONValue??
        try ObjectFields.read(&scanner) { key, scanner in
            switch key {
            case "id": return try once(&id) { try scanner.string() }
            case "version": return try once(&version) { try scanner.int() }
            case "createdAt": return try once(&createdAt) { try scanner.string() }
            case "updatedAt": return try once(&updatedAt) { try scanner.string() }
            case "requestId": return try once(&requestId) { try scanner.string() }
            case "at": return try once(&at) { try scanner.string() }
            case "method": return try once(&method) { try scanner.string() }
            case "path": return try once(&path) { try scanner.string() }
            case "httpStatus": return try once(&httpStatus) { try scanner.int() }
            case "code": return try once(&code) { try scanner.string() }
            case "message": return try once(&message) { try scanner.string() }
            case "retryable": return try once(&retryable) { try scanner.bool() }
            case "idempotencyKey": return try once(&idempotencyKey) { try scanner.optionalString() }
            case "details": return try once(&details) { try scanner.takeNull() ? nil : jsonValue(&scanner, depth: 0) }
            default: return false
            }
        }
        return RequestLog(id: try id.required(), version: try version.required(),
                          createdAt: Timestamp(raw: try createdAt.required()), updatedAt: Timestamp(raw: try updatedAt.required()),
                          requestId: try requestId.required(), at: Timestamp(raw: try at.required()),
                          method: try method.required(), path: try path.required(), httpStatus: try httpStatus.required(),
                          code: ErrorCode(rawValue: try code.required()), message: try message.required(),
                          retryable: try retryable.required(), idempotencyKey: idempotencyKey ?? nil, details: details ?? nil)
    }

    /// A free-form value as `JSONValue(from:)` reads it: true/false, plain integers, strings,
    /// null, arrays and objects. A fraction or exponent (Int64 or Double, by JSONDecoder's
    /// rules) and a key given twice are left to JSONDecoder.
    static func jsonValue(_ scanner: inout JSONScanner, depth: Int) throws -> JSONValue {
        guard depth < 32 else { throw JSONScanner.Unsupported() }
        switch try scanner.peek() {
        case UInt8(ascii: "n"): _ = try scanner.takeNull(); return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try scanner.bool())
        case UInt8(ascii: "\""): return .string(try scanner.string())
        case UInt8(ascii: "["):
            try scanner.expect(UInt8(ascii: "["))
            var items: [JSONValue] = []
            if try scanner.take(UInt8(ascii: "]")) { return .array(items) }
            repeat { items.append(try jsonValue(&scanner, depth: depth + 1)) } while try scanner.take(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "]"))
            return .array(items)
        case UInt8(ascii: "{"):
            try scanner.expect(UInt8(ascii: "{"))
            var fields: [String: JSONValue] = [:]
            if try scanner.take(UInt8(ascii: "}")) { return .object(fields) }
            repeat {
                let key = try scanner.string()
                try scanner.expect(UInt8(ascii: ":"))
                guard fields.updateValue(try jsonValue(&scanner, depth: depth + 1), forKey: key) == nil else {
                    throw JSONScanner.Unsupported()
                }
            } while try scanner.take(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"))
            return .object(fields)
        default:
            return .int(Int64(try scanner.int()))
        }
    }
}
