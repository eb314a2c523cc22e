import Logging

enum LogSetup {
    /// The console draws on the terminal, so it must not also log to it.
    static func silent() {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    }

    /// Plain commands log warnings and worse to standard error.
    static func standardError(level: Logger.Level = .warning) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
