import Foundation
import InertText
import Logging
import Synchronization

/// Where log lines go: an append-only, user-private file, or standard error. Each line is
/// scrubbed of secrets, then made inert (a server's text in a message cannot reach the
/// terminal that shows the log, nor split one line into two).
final class LogSink: Sendable {
    private let handle: Mutex<FileHandle>
    let redactor: Redactor

    private init(handle: FileHandle, redactor: Redactor) {
        self.handle = Mutex(handle)
        self.redactor = redactor
    }

    static func file(_ path: String, redactor: Redactor) throws -> LogSink {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandError("Cannot create the log file \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CommandError("Cannot open the log file \(path)") }
        handle.seekToEndOfFile()
        return LogSink(handle: handle, redactor: redactor)
    }

    static func standardError(redactor: Redactor) -> LogSink {
        LogSink(handle: FileHandle.standardError, redactor: redactor)
    }

    func write(_ line: String) {
        let data = Data((Inert.text(redactor.scrub(line)) + "\n").utf8)
        handle.withLock { $0.write(data) }
    }
}

/// One line per message: time, level, label, message, then its metadata sorted by key.
struct LogLineHandler: LogHandler {
    let label: String
    let sink: LogSink
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
