import Logging

/// Where each command's log lines go. Every handler writes through `LogLine`, so whatever
/// reaches a log is scrubbed of secrets and made inert first.
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
        guard let file else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        redactedSecrets.add(secrets)
        let sink = try LogSink.file(file, redactor: Redactor(secrets: redactedSecrets))
        LoggingSystem.bootstrap { label in LogLineHandler(label: label, sink: sink, logLevel: level) }
    }

    /// Warnings and worse to standard error (the sandbox).
    static func standardError(level: Logger.Level = .warning) {
        let sink = LogSink.standardError(redactor: Redactor(secrets: redactedSecrets))
        LoggingSystem.bootstrap { label in LogLineHandler(label: label, sink: sink, logLevel: level) }
    }

    /// Plain commands log warnings and worse to standard error, and everything at `fileLevel`
    /// to the file when one is given.
    static func standardError(level: Logger.Level = .warning, file: String?, fileLevel: Logger.Level,
                              secrets: [String]) throws {
        redactedSecrets.add(secrets)
        let redactor = Redactor(secrets: redactedSecrets)
        let standardError = LogSink.standardError(redactor: redactor)
        guard let file else {
            LoggingSystem.bootstrap { label in LogLineHandler(label: label, sink: standardError, logLevel: level) }
            return
        }
        let sink = try LogSink.file(file, redactor: redactor)
        LoggingSystem.bootstrap { label in
            MultiplexLogHandler([LogLineHandler(label: label, sink: standardError, logLevel: level),
                                 LogLineHandler(label: label, sink: sink, logLevel: fileLevel)])
        }
    }
}
