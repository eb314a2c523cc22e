import ArgumentParser
import Foundation
import InertText
import Mirror

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Every decision taken on this mirror (console, approve, escalate): who, when, what, and the result.")

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
            FileHandle.standardOutput.write(Data((OutputText.json(String(decoding: try encoder.encode(entries), as: UTF8.self))
                                                  + "\n").utf8))
            if entries.isEmpty { Output.note("No decisions in the audit of \(path): none was taken from this mirror yet.") }
        } else if entries.isEmpty {
            print("No decisions in the audit of \(path): none was taken from this mirror yet (approve or escalate in the console, or `rewards-ops approve`).")
        } else {
            for entry in entries {
                print(OutputText.inert("\(ISO8601DateFormatter().string(from: entry.at))  \(entry.keyId)  \(entry.verb) \(entry.objectId)  \(entry.result)"
                      + (entry.code.map { " \($0)" } ?? "") + (entry.requestId.map { " [\($0)]" } ?? "")))
            }
        }
    }
}
