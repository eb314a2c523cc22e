import ArgumentParser
import Foundation

/// The exit statuses of every command, as the README documents them.
enum ExitStatus {
    static let ok: Int32 = 0
    /// Refused by the platform or by a local rule, or failed (network, mirror).
    static let refusedOrFailed: Int32 = 1
    /// The command line was wrong: nothing was read or sent.
    static let usage: Int32 = 2
    /// The id, e-mail or reference names nothing in the mirror (or on the platform).
    static let notFound: Int32 = 3
}

/// Ends a command with `status` after `message` on standard error.
struct HeadlessExit: Error {
    var status: Int32
    var message: String

    static func notFound(_ message: String) -> HeadlessExit { HeadlessExit(status: ExitStatus.notFound, message: message) }
    static func refused(_ message: String) -> HeadlessExit { HeadlessExit(status: ExitStatus.refusedOrFailed, message: message) }
}
