import ArgumentParser
import Foundation
import Mirror
import RewardsContract

struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors",
        abstract: "The platform's log of the club's failed API calls, newest first: find one by request id, code, time or path.",
        discussion: """
            Text options match any part of the field, in any case, through the mirror's search index \
            (three characters or more; shorter text is matched row by row). The OBJECT column names the \
            member, redemption or review a call was about, when its path or details name one.

            \(HeadlessHelp.reads)
            """)

    @Option(name: .customLong("request-id"), help: "Any part of the request id (X-Request-ID), e.g. from a support ticket.")
    var requestId: String?
    @Option(help: "Exactly this error code, e.g. insufficient_points_balance.") var code: String?
    @Option(help: ArgumentHelp("Only calls since then. \(TimeArgument.help)", valueName: "duration|time")) var since: String?
    @Option(help: "Any part of the path, e.g. /v1/redemptions.") var path: String?
    @Option(help: "Any part of the request id, path, code, message or idempotency key, or a member, redemption or review id the log names.")
    var search: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var freshness: FreshnessOptions
    @OptionGroup var connection: ProfileOption

    func validate() throws {
        if let since, TimeArgument.parse(since) == nil {
            throw ValidationError("--since \(OutputText.inert(since)) is neither a duration (90s, 15m, 2h, 3d, 1w) nor an RFC 3339 time")
        }
        for (name, value) in [("--request-id", requestId), ("--code", code), ("--path", path), ("--search", search)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("\(name) needs a value") }
            if let value, value.count > 500 { throw ValidationError("\(name) is longer than 500 characters") }
        }
    }

    var query: RequestLogSearch {
        RequestLogSearch(text: search ?? "", requestId: requestId ?? "", path: path ?? "",
                         code: code?.trimmingCharacters(in: .whitespaces), since: since.flatMap { TimeArgument.parse($0) })
    }

    func run() throws {
        let source = try HeadlessMirror.open(connection, freshness)
        let query = self.query
        let (logs, hasMore) = try KeysetReader.read(limit: output.limit) { anchor, count in
            try source.mirror.requestLogSearchWindow(query, anchor: anchor, limit: count)
        }
        try Output.rows(logs, hasMore: hasMore, format: output.format) {
            TextTable(columns: [
                .init("AT"), .init("HTTP", alignRight: true, dropOrder: 3), .init("CODE", shrinkOrder: 3),
                .init("METHOD", dropOrder: 1), .init("PATH", shrinkOrder: 2, dropOrder: 4), .init("REQUEST ID"), .init("OBJECT"),
                .init("MESSAGE", shrinkOrder: 1, dropOrder: 2),
            ], rows: logs.map { log in
                [RowText.time(log.at), String(log.httpStatus), log.code.rawValue, log.method, log.path, log.requestId,
                 log.concernedObjectId ?? "", log.message]
            })
        }
        ListSummary.note(logs.count, "request log", hasMore: hasMore, limit: output.limit)
    }
}
