import Foundation
import RewardsContract

/// The body of an integration POST (contract §10, §11): `Content-Type: application/json` and a
/// JSON object with only the endpoint's fields. Every problem is 400 `invalid_request` with
/// `details.field` naming the field, so a club's developer can tell what to fix.
struct JSONObjectBody: Sendable {
    let fields: [String: JSONValue]
    /// Where this object sits in the body, for nested field names (`transaction.amountMinor`).
    let prefix: String

    /// An empty body counts as `{}`, for the endpoints whose body has no required field.
    init(contentType: String?, body: [UInt8], allowed: Set<String>) throws {
        if body.isEmpty {
            try self.init(fields: [:], prefix: "", allowed: allowed)
            return
        }
        let mediaType = contentType?.split(separator: ";", maxSplits: 1).first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw APIError.invalidRequest("The body must be sent as Content-Type: application/json.")
        }
        guard let fields = try? JSONDecoder().decode([String: JSONValue].self, from: Data(body)) else {
            throw APIError.invalidRequest("The body must be a UTF-8 JSON object.")
        }
        try self.init(fields: fields, prefix: "", allowed: allowed)
    }

    private init(fields: [String: JSONValue], prefix: String, allowed: Set<String>) throws {
        self.fields = fields
        self.prefix = prefix
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Self.fieldError(prefix + unknown, "Unknown body field '\(prefix + unknown)'.")
        }
    }

    /// A string of 1 to `maxLength` characters; nil only when absent (or null) and not required.
    func string(_ name: String, required: Bool = true, maxLength: Int = 255) throws -> String? {
        switch fields[name] {
        case nil, .null?:
            if required { throw Self.fieldError(prefix + name, "'\(prefix + name)' is required.") }
            return nil
        case .string(let text)?:
            guard !text.isEmpty, text.count <= maxLength else {
                throw Self.fieldError(prefix + name, "'\(prefix + name)' must have 1 to \(maxLength) characters.")
            }
            return text
        default:
            throw Self.fieldError(prefix + name, "'\(prefix + name)' must be a string.")
        }
    }

    func requiredString(_ name: String, maxLength: Int = 255) throws -> String {
        guard let text = try string(name, required: true, maxLength: maxLength) else {
            throw Self.fieldError(prefix + name, "'\(prefix + name)' is required.")
        }
        return text
    }

    /// An integer (JSON number without a fraction, within 64 bits).
    func integer(_ name: String) throws -> Int {
        switch fields[name] {
        case nil, .null?:
            throw Self.fieldError(prefix + name, "'\(prefix + name)' is required.")
        case .int(let value)?:
            return Int(value)
        default:
            throw Self.fieldError(prefix + name, "'\(prefix + name)' must be an integer.")
        }
    }

    func bool(_ name: String) throws -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw Self.fieldError(prefix + name, "'\(prefix + name)' must be true or false.")
        }
    }

    func object(_ name: String, allowed: Set<String>) throws -> JSONObjectBody {
        switch fields[name] {
        case .object(let nested)?:
            return try JSONObjectBody(fields: nested, prefix: prefix + name + ".", allowed: allowed)
        case nil, .null?:
            throw Self.fieldError(prefix + name, "'\(prefix + name)' is required.")
        default:
            throw Self.fieldError(prefix + name, "'\(prefix + name)' must be an object.")
        }
    }

    static func fieldError(_ field: String, _ message: String) -> APIError {
        APIError.invalidRequest(message, details: .object(["field": .string(field)]))
    }
}
