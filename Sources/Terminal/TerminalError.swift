/// Why the real terminal could not be started; `description` is meant for the user.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerminal(String)
    case initializationFailed(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal (tty); run rewards-ops interactively"
        case .termUnset:
            return "the TERM environment variable is not set; set it (for example TERM=xterm-256color)"
        case .unknownTerminal(let term):
            return "terminal type '\(term)' is unknown to terminfo; try TERM=xterm-256color"
        case .initializationFailed(let detail):
            return "could not initialise the terminal: \(detail)"
        }
    }
}
