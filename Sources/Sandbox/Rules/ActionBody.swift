import Foundation
import RewardsContract

/// The validated body of an approve or escalate (contract §8, §11).
struct ActionBody: Sendable {
    let expectedVersion: Int
    let note: String?

    static let maximumNoteLength = 2000

    /// `Content-Type: application/json`, a JSON object with only `expectedVersion` (integer)
    /// and `note` (string of at most 2,000 characters); escalations need a non-empty note.
    static func parse(contentType: String?, body: [UInt8], noteRequired: Bool) throws -> ActionBody {
        // The media type, the object and its field names are checked as for every other POST;
        // an empty body is an object without `expectedVersion`, refused below.
        let fields = try JSONObjectBody(contentType: contentType, body: body, allowed: ["expectedVersion", "note"]).fields
        guard case .int(let raw)? = fields["expectedVersion"], let expectedVersion = Int(exactly: raw) else {
            throw APIError.invalidRequest("'expectedVersion' is required and must be an integer.",
                                          details: .object(["field": .string("expectedVersion")]))
        }
        var note: String?
        switch fields["note"] {
        case nil, .null?: note = nil
        case .string(let text)?: note = text
        default:
            throw APIError.invalidRequest("'note' must be a string.", details: .object(["field": .string("note")]))
        }
        if let note, note.count > maximumNoteLength {
            throw APIError.invalidRequest("'note' may have at most \(maximumNoteLength) characters.",
                                          details: .object(["field": .string("note")]))
        }
        if noteRequired, note?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
            throw APIError.invalidRequest("Escalating needs a non-empty 'note'.",
                                          details: .object(["field": .string("note")]))
        }
        return ActionBody(expectedVersion: expectedVersion, note: note)
    }
}
