import Foundation
import GRDB
import RewardsContract

/// How each contract object maps to its table's columns and back.
protocol MirroredObject: Sendable {
    static var objectKind: ObjectKind { get }
    static var columns: [String] { get }
    var id: String { get }
    var version: Int { get }
    var columnValues: [(any DatabaseValueConvertible)?] { get }
    init(row: Row)
    /// Binds the same values as `columnValues`, in `columns` order, straight to a bulk statement
    /// (a bootstrap writes a million rows; through `columnValues`, an array of existentials, a
    /// row cost several times more). A column added to a mapping is added here too: the bulk
    /// tests compare the rows with the feed's.
    func bindFields(_ binder: inout RowBinder)
}

extension MirroredObject {
    /// Insert, or replace the row only when the incoming version is above the stored one
    /// (the feed may repeat a change or deliver an older version after a newer one).
    static var upsertIfNewerSQL: String {
        let names = columns.joined(separator: ", ")
        let marks = columns.map { _ in "?" }.joined(separator: ", ")
        let updates = columns.filter { $0 != "id" }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(objectKind.table) (\(names)) VALUES (\(marks)) ON CONFLICT(id) DO UPDATE SET \(updates) WHERE excluded.version > \(objectKind.table).version"
    }

    /// A bootstrap read is the server's state at that moment: it replaces what is stored.
    static var replaceSQL: String {
        let names = columns.joined(separator: ", ")
        let marks = columns.map { _ in "?" }.joined(separator: ", ")
        return "INSERT OR REPLACE INTO \(objectKind.table) (\(names)) VALUES (\(marks))"
    }

    static var selectColumns: String { columns.joined(separator: ", ") }
}

/// The instant as seconds since 1970 (0 for a text that is not RFC 3339): the columns the panes sort by.
func epoch(_ timestamp: Timestamp) -> Double { timestamp.date?.timeIntervalSince1970 ?? 0 }

extension Member: MirroredObject {
    static let objectKind = ObjectKind.member
    static let columns = ["id", "version", "createdAt", "updatedAt", "clubId", "externalRef", "name", "email",
                          "status", "pointsAvailable", "pointsPending", "pointsLifetime", "payoutReady", "currency",
                          "deletedAt"]
    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, version, createdAt.raw, updatedAt.raw, clubId, externalRef, name, email, status.rawValue,
         pointsAvailable, pointsPending, pointsLifetime, payoutReady, currency, deletedAt?.raw]
    }
    init(row: Row) {
        self.init(id: row["id"], version: row["version"], createdAt: Timestamp(raw: row["createdAt"]),
                  updatedAt: Timestamp(raw: row["updatedAt"]), clubId: row["clubId"], externalRef: row["externalRef"],
                  name: row["name"], email: row["email"], status: MemberStatus(rawValue: row["status"]),
                  pointsAvailable: row["pointsAvailable"], pointsPending: row["pointsPending"],
                  pointsLifetime: row["pointsLifetime"], payoutReady: row["payoutReady"], currency: row["currency"],
                  deletedAt: (row["deletedAt"] as String?).map(Timestamp.init(raw:)))
    }
}

extension Redemption: MirroredObject {
    static let objectKind = ObjectKind.redemption
    static let columns = ["id", "version", "createdAt", "updatedAt", "createdEpoch", "memberId", "points",
                          "cashValueMinor", "currency", "status", "isPending", "payoutAttempts", "lastErrorCode",
                          "lastErrorMessage", "lastActionBy", "lastActionAt"]
    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, version, createdAt.raw, updatedAt.raw, epoch(createdAt), memberId, points, cashValueMinor, currency,
         status.rawValue, status.isPending, payoutAttempts, lastError?.code.rawValue, lastError?.message, lastActionBy,
         lastActionAt?.raw]
    }
    init(row: Row) {
        let code: String? = row["lastErrorCode"]
        let message: String? = row["lastErrorMessage"]
        self.init(id: row["id"], version: row["version"], createdAt: Timestamp(raw: row["createdAt"]),
                  updatedAt: Timestamp(raw: row["updatedAt"]), memberId: row["memberId"], points: row["points"],
                  cashValueMinor: row["cashValueMinor"], currency: row["currency"],
                  status: RedemptionStatus(rawValue: row["status"]), payoutAttempts: row["payoutAttempts"],
                  lastError: code.map { RedemptionError(code: ErrorCode(rawValue: $0), message: message ?? "") },
                  lastActionBy: row["lastActionBy"], lastActionAt: (row["lastActionAt"] as String?).map(Timestamp.init(raw:)))
    }
}

extension Review: MirroredObject {
    static let objectKind = ObjectKind.review
    static let columns = ["id", "version", "createdAt", "updatedAt", "createdEpoch", "kind", "reasonCode", "memberId",
                          "subjectRef", "pointsRequested", "pointsAvailable", "amountMinor", "currency", "status",
                          "statusRank", "escalationLevel", "note", "decidedBy", "decidedAt", "lastActionBy", "lastActionAt"]
    /// Open first, then escalated, then decided: the order a reviewer works in.
    var statusRank: Int {
        switch status {
        case .open: return 0
        case .escalated: return 1
        case .approved: return 3
        default: return 2
        }
    }
    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, version, createdAt.raw, updatedAt.raw, epoch(createdAt), kind.rawValue, reasonCode, memberId, subjectRef,
         pointsRequested, pointsAvailable, amountMinor, currency, status.rawValue, statusRank, escalationLevel, note,
         decidedBy, decidedAt?.raw, lastActionBy, lastActionAt?.raw]
    }
    init(row: Row) {
        self.init(id: row["id"], version: row["version"], createdAt: Timestamp(raw: row["createdAt"]),
                  updatedAt: Timestamp(raw: row["updatedAt"]), kind: ReviewKind(rawValue: row["kind"]),
                  reasonCode: row["reasonCode"], memberId: row["memberId"], subjectRef: row["subjectRef"],
                  pointsRequested: row["pointsRequested"], pointsAvailable: row["pointsAvailable"],
                  amountMinor: row["amountMinor"], currency: row["currency"], status: ReviewStatus(rawValue: row["status"]),
                  escalationLevel: row["escalationLevel"], note: row["note"], decidedBy: row["decidedBy"],
                  decidedAt: (row["decidedAt"] as String?).map(Timestamp.init(raw:)), lastActionBy: row["lastActionBy"],
                  lastActionAt: (row["lastActionAt"] as String?).map(Timestamp.init(raw:)))
    }
}

extension RequestLog: MirroredObject {
    static let objectKind = ObjectKind.requestLog
    static let columns = ["id", "version", "createdAt", "updatedAt", "requestId", "at", "atEpoch", "method", "path",
                          "httpStatus", "code", "message", "retryable", "idempotencyKey", "details"]
    var columnValues: [(any DatabaseValueConvertible)?] {
        let detailsText = details.flatMap(\.storedText)
        return [id, version, createdAt.raw, updatedAt.raw, requestId, at.raw, epoch(at), method, path, httpStatus,
                code.rawValue, message, retryable, idempotencyKey, detailsText]
    }
    init(row: Row) {
        let detailsText: String? = row["details"]
        let details = detailsText.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        self.init(id: row["id"], version: row["version"], createdAt: Timestamp(raw: row["createdAt"]),
                  updatedAt: Timestamp(raw: row["updatedAt"]), requestId: row["requestId"], at: Timestamp(raw: row["at"]),
                  method: row["method"], path: row["path"], httpStatus: row["httpStatus"],
                  code: ErrorCode(rawValue: row["code"]), message: row["message"], retryable: row["retryable"],
                  idempotencyKey: row["idempotencyKey"], details: details)
    }
}

extension LedgerEntry {
    static let columns = ["id", "memberId", "kind", "points", "externalTransactionId", "redemptionId", "createdAt",
                          "createdEpoch"]
    var columnValues: [(any DatabaseValueConvertible)?] {
        [id, memberId, kind.rawValue, points, externalTransactionId, redemptionId, createdAt.raw, epoch(createdAt)]
    }
    init(row: Row) {
        self.init(id: row["id"], memberId: row["memberId"], kind: LedgerKind(rawValue: row["kind"]),
                  points: row["points"], externalTransactionId: row["externalTransactionId"],
                  redemptionId: row["redemptionId"], createdAt: Timestamp(raw: row["createdAt"]))
    }
}

extension StatementArguments {
    /// SQLite's C text API stops at a NUL byte, and a server string may hold one: such a
    /// string is stored as a UTF-8 blob, which reads back whole through `Row`.
    init(values: [(any DatabaseValueConvertible)?]) {
        self.init(values.map { value -> DatabaseValue in
            if let text = value as? String, text.utf8.contains(0) { return Data(text.utf8).databaseValue }
            return value?.databaseValue ?? .null
        })
    }
}
