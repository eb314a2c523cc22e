import InertText

/// The one place the headless commands make text from the server safe to print: every table
/// cell, message line and JSON document they write goes through here, and here through the
/// project's single set of rules (`InertText`), shared with the TUI, the other commands and
/// the log files.
enum OutputText {
    /// For text on a terminal or in a pipe: no escape sequence, control character or bidi
    /// override survives.
    static func inert(_ text: String) -> String { Inert.text(text) }

    /// For encoded JSON: every control, bidi control and line or paragraph separator still raw
    /// inside a string is written as a `\u` escape, so the document stays valid and means the same.
    static func json(_ encoded: String) -> String { Inert.json(encoded) }
}
