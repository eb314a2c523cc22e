import ArgumentParser
import Foundation
import InertText
import Mirror
import RewardsContract

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the mirror's rows as the contract's objects, sorted by id, as one JSON document.",
        discussion: """
            Keys: members, redemptions, reviews, requestLogs (all four unless --type narrows it).
            JSON is the only format, with or without --json. Control characters, bidi controls and
            line separators inside strings are written as \\u escapes, so the output is safe on a terminal.
            The mirror is found as for `sync` (REWARDS_OPS_MIRROR, --profile, or the key's own file);
            no connection is made and no secret is needed.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case members, redemptions, reviews
        case requestLogs = "request-logs"
    }

    @Option(help: "A profile of the config file, whose mirror to export.") var profile: String?
    @Flag(help: "JSON output: the only format, so this changes nothing (kept for scripts that pass it).") var json = false
    @Option(help: "Only this kind: members, redemptions, reviews or request-logs.") var type: Kind?

    func run() throws {
        let path = try MirrorOpening.offlinePath(profile: profile)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("No mirror at \(path): run `rewards-ops sync --once` first")
        }
        let mirror = try MirrorStore(path: path)
        let writer = JSONStreamWriter()
        let kinds = type.map { [$0] } ?? Kind.allCases
        writer.write("{")
        for (index, kind) in kinds.enumerated() {
            writer.write((index == 0 ? "" : ",") + "\n\"\(kind == .requestLogs ? "requestLogs" : kind.rawValue)\": [")
            var first = true
            func emit<T: Encodable>(_ batch: [T]) throws {
                for object in batch {
                    writer.write((first ? "\n  " : ",\n  ") + (try writer.encode(object)))
                    first = false
                }
            }
            switch kind {
            case .members: try mirror.forEachMember { try emit($0) }
            case .redemptions: try mirror.forEachRedemption { try emit($0) }
            case .reviews: try mirror.forEachReview { try emit($0) }
            case .requestLogs: try mirror.forEachRequestLog { try emit($0) }
            }
            writer.write(first ? "]" : "\n]")
        }
        writer.write("\n}\n")
        writer.flush()
    }
}

/// Buffers output and writes it in large chunks: an export of a million rows streams
/// without holding the document in memory. Everything written is JSON text, escaped by
/// `Inert.json` on the way in.
final class JSONStreamWriter {
    private var buffer = Data()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func encode<T: Encodable>(_ value: T) throws -> String {
        OutputText.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    func write(_ text: String) {
        buffer.append(contentsOf: Inert.json(text).utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
