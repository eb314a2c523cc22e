import Foundation
import Testing

// Reading the parts of a captured screen that the workflow tests look at.

/// Line `index` of a captured screen ("" when there is no such line).
func screenLine(_ screen: String, _ index: Int) -> String {
    let lines = screen.components(separatedBy: "\n")
    return lines.indices.contains(index) ? lines[index] : ""
}

/// The message line, just above the status bar.
func messageLine(_ screen: String) -> String { screenLine(screen, TmuxConsole.rows - 2) }

/// The status bar, the last line.
func statusLine(_ screen: String) -> String { screenLine(screen, TmuxConsole.rows - 1) }

/// A row of the members table as shown. `name` is the words between the id and the email
/// (the first word with an `@`), `available` the Available cell as printed (`2,274`).
struct MemberRow: Equatable {
    let id: String
    let name: String
    let email: String
    let available: String
    let line: String

    /// Whether the ID, Name or Email cell contains `text`, case-insensitively.
    func shows(_ text: String) -> Bool {
        [id, name, email].contains { $0.range(of: text, options: [.caseInsensitive]) != nil }
    }
}

/// Rows of the members table: the lines under its header that start with a `mem_` id.
func memberRows(in screen: String) -> [MemberRow] {
    let lines = screen.components(separatedBy: "\n")
    guard let header = lines.firstIndex(where: { $0.hasPrefix("ID") && $0.contains("Name") && $0.contains("Email") })
    else { return [] }
    var rows: [MemberRow] = []
    for line in lines[(header + 1)...] {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = fields.first, first.hasPrefix("mem_"),
              let email = fields.indices.dropFirst().first(where: { fields[$0].contains("@") }),
              fields.count > email + 2
        else { break }
        rows.append(MemberRow(id: first, name: fields[1..<email].joined(separator: " "), email: fields[email],
                              available: fields[email + 2], line: line))
    }
    return rows
}

/// The inside of the `?` help box (see `boxLines`).
func helpBoxLines(in screen: String) -> [String] { boxLines(in: screen, titled: "Keys — ") }

/// The inside of the box whose top border holds `title` (a dialog, the help): for each line
/// down to its bottom border, the text between the box's two `│`. Empty when there is no such box.
func boxLines(in screen: String, titled title: String) -> [String] {
    let lines = screen.components(separatedBy: "\n")
    guard let top = lines.firstIndex(where: { $0.contains("┌") && $0.contains(title) }) else { return [] }
    var inside: [String] = []
    for line in lines[(top + 1)...] {
        if line.contains("└") { break }
        let parts = line.components(separatedBy: "│")
        guard parts.count >= 3 else { continue }
        inside.append(parts[1].trimmingCharacters(in: .whitespaces))
    }
    return inside
}

/// `1234567` as the console prints points: `1,234,567`.
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return (number < 0 ? "-" : "") + out
}

/// Whether a decision dialog (or its note step) is on screen.
func showsDecisionDialog(_ screen: String) -> Bool {
    ["Confirm approval", "Confirm escalation", "Escalation note"].contains { screen.contains($0) }
}

extension TmuxConsole {
    /// Esc until the message line is empty, so that the next message seen is a new one.
    /// (On the review queue and the members table Esc only clears the message.)
    func clearMessage(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        if messageLine(screen()).trimmingCharacters(in: .whitespaces).isEmpty { return }
        send("Escape")
        try await waitFor("the message line to clear", timeout: .seconds(10), sourceLocation: sourceLocation) {
            messageLine($0).trimmingCharacters(in: .whitespaces).isEmpty
        }
    }
}
