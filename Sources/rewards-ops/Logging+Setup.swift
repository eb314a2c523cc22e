import Foundation
import Logging
import Synchronization

enum LogSetup {
    /// The secrets every log line is scrubbed of: the first profile's, and each profile's that
    /// `:profile` switches to (the log file outlives the session).
    static let redactedSecrets = SecretList()

    /// Nothing logged (the console draws on the terminal; the demo has no account to debug).
    static func silent() {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    }

    /// The console draws on the terminal, so it logs only to a file, if asked to.
    static func silent(file: String?, level: Logger.Level, secrets: [String]) throws {
        if let file {
            try toFile(file, level: level, secrets: secrets)
        } else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
    }

    /// Plain commands log warnings and worse to standard error, and everything at `level`
    /// to the file when one is given.
    static func standardError(level: Logger.Level = .warning) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func standardError(level: Logger.Level = .warning, file: String?, fileLevel: Logger.Level,
                              secrets: [String]) throws {
        if let file {
            redactedSecrets.add(secrets)
            let sink = try FileLogSink(path: file, redactor: Redactor(secrets: redactedSecrets))
            LoggingSystem.bootstrap { label in
                var stream = StreamLogHandler.standardError(label: label)
                stream.logLevel = level
                var handler = FileLogHandler(label: label, sink: sink)
                handler.logLevel = fileLevel
                return MultiplexLogHandler([stream, handler])
            }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }

    static func toFile(_ path: String, level: Logger.Level, secrets: [String]) throws {
        redactedSecrets.add(secrets)
        let sink = try FileLogSink(path: path, redactor: Redactor(secrets: redactedSecrets))
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }
    }
}

/// Scrubs what must never reach a log: bearer tokens, request signatures, and the secrets
/// known to this process, wherever they appear in a message or its metadata.
struct Redactor: Sendable {
    let secrets: SecretList

    func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets.all { out = out.replacingOccurrences(of: secret, with: "[redacted]") }
        out = out.replacingOccurrences(of: #"Bearer\s+[^\s,;"'\]\)]+"#, with: "Bearer [redacted]", options: .regularExpression)
        out = out.replacingOccurrences(of: #"v1=[0-9A-Fa-f]{16,}"#, with: "v1=[redacted]", options: .regularExpression)
        return out
    }
}

/// Secrets known to this process; it grows when a profile switch brings a new one.
final class SecretList: Sendable {
    private let secrets = Mutex<[String]>([])

    /// Shorter ones are left out: replacing a two-letter "secret" would shred every line.
    func add(_ new: [String]) {
        secrets.withLock { known in
            for secret in new where secret.count >= 4 && !known.contains(secret) { known.append(secret) }
        }
    }

    func add(_ secret: String) { add([secret]) }

    var all: [String] { secrets.withLock { $0 } }
}

/// An append-only, user-private log file shared by every logger of the process.
final class FileLogSink: Sendable {
    private let handle: Mutex<FileHandle>
    let redactor: Redactor

    init(path: String, redactor: Redactor) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandError("Cannot create the log file \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandError("Cannot open the log file \(path)") }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
        self.redactor = redactor
    }

    func write(_ line: String) {
        let data = Data((redactor.scrub(line) + "\n").utf8)
        handle.withLock { $0.write(data) }
    }
}

struct FileLogHandler: LogHandler {
    let label: String
    let sink: FileLogSink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let merged = metadata.merging(extra ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(level) \(label): \(message)\(fields.isEmpty ? "" : " " + fields)")
    }
}
