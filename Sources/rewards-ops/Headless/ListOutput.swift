import ArgumentParser
import Foundation

/// `--json`, `--jsonl` and `--limit`, shared by the commands that print rows.
struct OutputOptions: ParsableArguments {
    @Flag(help: "One JSON document: {\"data\": [the contract's objects], \"hasMore\": true|false}.") var json = false
    @Flag(help: "One JSON object per line (the contract's objects), nothing else.") var jsonl = false
    @Option(help: "At most this many rows (1–10000).") var limit = 100

    static let maximumLimit = 10_000

    func validate() throws {
        if json && jsonl { throw ValidationError("--json and --jsonl exclude each other: pick one") }
        guard (1...Self.maximumLimit).contains(limit) else { throw ValidationError("--limit must be 1–\(Self.maximumLimit)") }
    }

    enum Format { case table, json, jsonl }
    var format: Format { json ? .json : jsonl ? .jsonl : .table }
}

/// Writes to standard output in large chunks, and knows whether that is a terminal.
enum Output {
    /// The terminal's width when standard output is one; nil for a pipe or a file, which get
    /// every cell whole.
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    static func lines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A line on standard error: what happened, beside the data (syncs, notes, refusals).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((OutputText.inert(text) + "\n").utf8))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One value as compact JSON, made safe to print.
    static func json<T: Encodable>(_ value: T) throws -> String {
        OutputText.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Rows as the chosen format: a table, one JSON document, or one object per line.
    static func rows<T: Encodable>(_ objects: [T], hasMore: Bool, format: OutputOptions.Format, table: () -> TextTable)
        throws {
        switch format {
        case .table:
            if !objects.isEmpty { lines(table().lines(width: terminalWidth)) }
        case .json:
            let items = try objects.map { "  " + (try json($0)) }
            lines(["{\"data\": [" + (items.isEmpty ? "]," : "")] + (items.isEmpty ? [] : [items.joined(separator: ",\n"), "],"])
                  + ["\"hasMore\": \(hasMore)}"])
        case .jsonl:
            lines(try objects.map { try json($0) })
        }
    }
}
