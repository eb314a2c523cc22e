import Foundation
import GRDB
import RewardsContract

/// Where one type of object lives and which extra columns its lists filter on.
struct StoredTable: Sendable {
    let name: String
    let changeType: ChangeType
    let filterColumns: [String]

    var upsertSQL: String {
        let columns = ["id", "version", "json"] + filterColumns
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT OR REPLACE INTO \(name)(\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }
}

/// An object of the contract that the store keeps, versions and puts in the feed.
protocol StoredObject: Codable, Sendable {
    static var table: StoredTable { get }
    var id: String { get }
    var version: Int { get set }
    var updatedAt: Timestamp { get set }
    /// Values of `table.filterColumns`, in order.
    var filterValues: [(any DatabaseValueConvertible)?] { get }
    /// The JSON stored and served; JSONEncoder's output, however it is produced.
    func encodedJSON(with encoder: JSONEncoder) throws -> String
}

extension StoredObject {
    func encodedJSON(with encoder: JSONEncoder) throws -> String { try JSONText.encode(self, with: encoder) }
}

extension Member: StoredObject {
    static let table = StoredTable(name: "members", changeType: .member,
                                   filterColumns: ["status", "search", "deleted", "externalRef"])
    var filterValues: [(any DatabaseValueConvertible)?] {
        [status.rawValue, MemberSearch.text(of: self), (status == .deleted || deletedAt != nil) ? 1 : 0, externalRef]
    }
    func encodedJSON(with encoder: JSONEncoder) throws -> String { FastObjectJSON.member(self) }
}

extension Redemption: StoredObject {
    static let table = StoredTable(name: "redemptions", changeType: .redemption, filterColumns: ["status", "memberId"])
    var filterValues: [(any DatabaseValueConvertible)?] { [status.rawValue, memberId] }
    func encodedJSON(with encoder: JSONEncoder) throws -> String { FastObjectJSON.redemption(self) }
}

extension Review: StoredObject {
    static let table = StoredTable(name: "reviews", changeType: .review, filterColumns: ["status", "memberId"])
    var filterValues: [(any DatabaseValueConvertible)?] { [status.rawValue, memberId] }
    func encodedJSON(with encoder: JSONEncoder) throws -> String { FastObjectJSON.review(self) }
}

extension RequestLog: StoredObject {
    static let table = StoredTable(name: "request_logs", changeType: .requestLog, filterColumns: ["atMicros"])
    var filterValues: [(any DatabaseValueConvertible)?] { [Microseconds.of(at)] }
    func encodedJSON(with encoder: JSONEncoder) throws -> String {
        try FastObjectJSON.requestLog(self) ?? JSONText.encode(self, with: encoder)
    }
}

/// `q` matches name, email, externalRef or id, case-insensitively (contract §6).
enum MemberSearch {
    /// U+0001 between fields keeps a query from matching across two of them.
    static func text(of member: Member) -> String {
        let text = [member.name, member.email, member.externalRef, member.id].map(normalise).joined(separator: "\u{1}")
        // SQLite text functions stop at NUL, and a hostile name may hold one.
        return text.utf8.contains(0) ? String(decoding: text.utf8.filter { $0 != 0 }, as: UTF8.self) : text
    }

    /// Lower case; ASCII text (emails, references, ids) takes a fast path, since a million
    /// members are normalised at generation.
    static func normalise(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Instants as integers, so that SQL compares instants and not strings (contract §11).
enum Microseconds {
    static func of(_ timestamp: Timestamp) -> Int64 { timestamp.date.map(of) ?? 0 }
    static func of(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) }
}
