import Foundation
import GRDB

/// A search without an index: a case-insensitive substring of any of some fields, as the
/// server's `q` matches (contract §6) and as the trigram indexes match.
///
/// SQLite's LIKE folds ASCII letters only. An ASCII needle uses it (fast, in C); any other
/// goes through `text_contains`, which folds case as Swift's `lowercased()` does, so "ünal"
/// finds "Ünal" in the scan as the trigram index and the server do.
enum TextMatch {
    static let functionName = "text_contains"

    /// A member's searched fields: name, e-mail, external reference and id.
    static func member(_ text: String, prefix: String) -> (sql: String, arguments: [DatabaseValue]) {
        condition(text, fields: ["name", "email", "externalRef", "id"].map { prefix + $0 })
    }

    /// Whether any of `fields` (SQL expressions) contains `text`.
    static func condition(_ text: String, fields: [String]) -> (sql: String, arguments: [DatabaseValue]) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            let sql = "(" + fields.map { "\($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")"
            return (sql, Array(repeating: pattern.databaseValue, count: fields.count))
        }
        return ("\(functionName)(?, \(fields.joined(separator: ", ")))", [text.lowercased().databaseValue])
    }

    /// `text_contains(needle, field, …)`: whether any field, lowercased, contains the
    /// (already lowercased) needle. Registered on every connection of the mirror.
    /// Bytes are compared, as the server's `instr` does, not grapheme clusters.
    static let function = DatabaseFunction(functionName, pure: true) { values in
        guard let first = values.first, var needle = String.fromDatabaseValue(first) else { return false }
        for value in values.dropFirst() {
            guard var field = String.fromDatabaseValue(value)?.lowercased() else { continue }
            let found = field.withUTF8 { haystack in needle.withUTF8 { wanted in contains(haystack, wanted) } }
            if found { return true }
        }
        return false
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
