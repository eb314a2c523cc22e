import ArgumentParser
import Foundation
import InertText
import Mirror

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Every decision taken from the console on this mirror: who, when, what, and the result.")

    @OptionGroup var connection: ProfileOption
    @Flag(help: "JSON output.") var json = false
    @Option(help: "How many entries, newest first.") var limit: Int = 1000

    func run() throws {
        let path = try MirrorOpening.offlinePath(profile: connection.profile)
        guard FileManager.default.fileExists(atPath: path) else { throw CommandError("No mirror at \(path)") }
        let entries = try MirrorStore(path: path).auditEntries(limit: max(1, limit))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            FileHandle.standardOutput.write(Data(Inert.json(Array(try encoder.encode(entries))) + Array("\n".utf8)))
        } else {
            for entry in entries {
                // Codes and request ids came from the server: inert, like every line a server fills.
                print(Inert.text("\(ISO8601DateFormatter().string(from: entry.at))  \(entry.keyId)  \(entry.verb) \(entry.objectId)  \(entry.result)"
                      + (entry.code.map { " \($0)" } ?? "") + (entry.requestId.map { " [\($0)]" } ?? "")))
            }
        }
    }
}
