/// Why a theme could not be used. Theme files are user input, so every error names the
/// file (and the line when it is known) in `description`, ready to show as is.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case invalidName
        case notFound
        case unreadable
        /// Not valid TOML; `line` and `column` come from the parser.
        case syntax
        case unknownKey
        case unknownPaletteName
        case invalidValue
        case inheritanceCycle
    }

    public let kind: Kind
    /// A path on disk, or `themes/NAME.toml` for a shipped theme.
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Compiler style (`file:line:column: message`) so editors and terminals can jump to it.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
