import RewardsContract

/// Decodes a page of `GET /v1/members` straight from the response bytes: at a million members
/// Foundation's JSONDecoder was the largest cost of a bootstrap after SQLite. Keys are told
/// apart by length first, then bytes, with no string made for them (a million rows of fifteen).
enum MemberPageDecoder {
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Page<Member>? {
        ListPageDecoder.decode(bytes, row: member)
    }

    /// The fields of `Member`, each required except `deletedAt` (absent or null: nil).
    static func member(_ scanner: inout JSONScanner) throws -> Member {
        var id: String?, clubId: String?, externalRef: String?, name: String?, email: String?, currency: String?
        var createdAt: String?, updatedAt: String?, status: String?
        var deletedAt: String?
        var sawDeletedAt = false
        var version: Int?, pointsAvailable: Int?, pointsPending: Int?, pointsLifetime: Int?
        var payoutReady: Bool?

        func once<T>(_ slot: inout T?, _ read: () throws -> T) throws {
            guard slot == nil else { throw JSONScanner.Unsupported() }
            slot = try read()
        }

        try scanner.expect(UInt8(ascii: "{"))
        if try scanner.take(UInt8(ascii: "}")) { throw JSONScanner.Unsupported() }
        repeat {
            let key = try scanner.key()
            try scanner.expect(UInt8(ascii: ":"))
            switch key.count {
            case 2 where JSONScanner.equals(key, "id"): try once(&id) { try scanner.string() }
            case 4 where JSONScanner.equals(key, "name"): try once(&name) { try scanner.string() }
            case 5 where JSONScanner.equals(key, "email"): try once(&email) { try scanner.string() }
            case 6 where JSONScanner.equals(key, "clubId"): try once(&clubId) { try scanner.string() }
            case 6 where JSONScanner.equals(key, "status"): try once(&status) { try scanner.string() }
            case 7 where JSONScanner.equals(key, "version"): try once(&version) { try scanner.int() }
            case 8 where JSONScanner.equals(key, "currency"): try once(&currency) { try scanner.string() }
            case 9 where JSONScanner.equals(key, "createdAt"): try once(&createdAt) { try scanner.string() }
            case 9 where JSONScanner.equals(key, "updatedAt"): try once(&updatedAt) { try scanner.string() }
            case 9 where JSONScanner.equals(key, "deletedAt"):
                guard !sawDeletedAt else { throw JSONScanner.Unsupported() }
                sawDeletedAt = true
                deletedAt = try scanner.takeNull() ? nil : scanner.string()
            case 11 where JSONScanner.equals(key, "externalRef"): try once(&externalRef) { try scanner.string() }
            case 11 where JSONScanner.equals(key, "payoutReady"): try once(&payoutReady) { try scanner.bool() }
            case 13 where JSONScanner.equals(key, "pointsPending"): try once(&pointsPending) { try scanner.int() }
            case 14 where JSONScanner.equals(key, "pointsLifetime"): try once(&pointsLifetime) { try scanner.int() }
            case 15 where JSONScanner.equals(key, "pointsAvailable"): try once(&pointsAvailable) { try scanner.int() }
            default: try scanner.skipValue()
            }
        } while try scanner.take(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
        guard let id, let version, let createdAt, let updatedAt, let clubId, let externalRef, let name, let email,
              let status, let pointsAvailable, let pointsPending, let pointsLifetime, let payoutReady, let currency
        else { throw JSONScanner.Unsupported() }
        return Member(id: id, version: version, createdAt: Timestamp(raw: createdAt), updatedAt: Timestamp(raw: updatedAt),
                      clubId: clubId, externalRef: externalRef, name: name, email: email,
                      status: MemberStatus(rawValue: status), pointsAvailable: pointsAvailable,
                      pointsPending: pointsPending, pointsLifetime: pointsLifetime, payoutReady: payoutReady,
                      currency: currency, deletedAt: deletedAt.map(Timestamp.init(raw:)))
    }
}
