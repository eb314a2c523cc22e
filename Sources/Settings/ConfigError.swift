/// A configuration problem, always naming the file (and the line when it is known).
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case syntax(file: String, line: Int, column: Int, message: String)
    case invalid(file: String, line: Int?, key: String, message: String)
    case unknownProfile(file: String, name: String, known: String)
    case secretMissing(source: String, profile: String)
    case secretFileTooOpen(path: String, mode: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the configuration: \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .invalid(let file, let line, let key, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(key) \(message)"
        case .unknownProfile(let file, let name, let known):
            return "\(file): no profile named \"\(name)\" (profiles: \(known))"
        case .secretMissing(let source, let profile):
            return "profile \(profile): the secret's \(source) is not set or is empty"
        case .secretFileTooOpen(let path, let mode):
            return "\(path): secret file has mode \(mode); it must be readable by you alone (chmod 600 \(path))"
        }
    }
}
