import Foundation
import RewardsContract
import Testing

/// The on-call case of issue #18 through the real binary: a request id from a support ticket,
/// part of it typed into `/` on the Error log, the failure opened with Enter.
@Suite("Error log search, end to end", .serialized, .timeLimit(.minutes(3)))
struct ErrorLogSearchEndToEndTests {
    @Test("/ on the Error log finds a request log by part of its request id, and Enter opens it")
    func findARequestLogByPartOfItsRequestId() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))
        try await console.waitUntilLive(timeout: .seconds(60))
        let logs = try await probe.requestLogs()
        let target = try #require(logs.max { $0.requestId < $1.requestId }, "the demo's sandbox has request logs")
        // Eight characters from the middle: neither the `req_` every id shares nor its start.
        let part = String(target.requestId.dropFirst(8).prefix(8))
        let others = logs.filter { $0.requestId.lowercased().contains(part.lowercased()) }.map(\.requestId)

        console.send("4")
        try await waitForHeader(console, ["Code", "Count", "Peak/h"])
        console.type("/" + part)
        // The rows of a shorter text stay on screen until the matches of the whole text arrive:
        // wait for a list in which every row matches.
        func matchRows(_ screen: String) -> [String] {
            screen.components(separatedBy: "\n").dropFirst(2).filter { $0.contains("req_") }
        }
        let found = try await console.waitFor("the log with \(part) in its request id", timeout: .seconds(60)) { screen in
            screen.contains("Filter error log: /\(part)") && screen.contains(target.requestId)
                && matchRows(screen).allSatisfy { $0.lowercased().contains(part.lowercased()) }
        }
        let listed = matchRows(found)
        #expect(listed.count == others.count, "only the matches are listed:\n\(found)")
        #expect(listed.allSatisfy { $0.lowercased().contains(part.lowercased()) })
        #expect(found.components(separatedBy: "\n")[1].contains("Request ID"))

        console.send("Enter")
        let detail = try await console.waitFor(text: "Failed request · \(target.code.rawValue)",
                                               "Request ID       \(target.requestId)", timeout: .seconds(60))
        #expect(detail.contains("Request          \(target.method) \(target.path)"))
        console.send("Escape")
        try await console.waitFor("the matches again", timeout: .seconds(60)) { screen in
            screen.contains("› “\(part)”") && screen.contains(target.requestId) && !screen.contains("Failed request ·")
        }
        console.send("Escape")
        try await waitForHeader(console, ["Code", "Count", "Peak/h"])

        let status = try await console.quit()
        #expect(status == 0)
    }

    @Test("r syncs at once and says how long it took; in /req the q is text, not quit")
    func syncNowAndPromptKeys() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        try await console.waitUntilLive(timeout: .seconds(60))
        console.send("r")
        let synced = try await console.waitFor("the round trip on the message line", timeout: .seconds(60)) { screen in
            screen.range(of: #"Synced in [0-9.]+ m?s · "#, options: .regularExpression) != nil
        }
        #expect(synced.contains("● live"))

        console.send("4")
        try await waitForHeader(console, ["Code", "Count", "Peak/h"])
        console.type("/req")
        try await console.waitFor(text: "Filter error log: /req", timeout: .seconds(60))
        console.send("Escape")
        try await waitForHeader(console, ["Code", "Count", "Peak/h"])
        #expect(!console.screen().contains("EXITED="), "the q typed into the prompt did not quit")

        let status = try await console.quit()
        #expect(status == 0)
    }
}

extension SandboxProbe {
    /// Every request log of the club (an e2e sandbox has far fewer than 1000).
    func requestLogs() async throws -> [RequestLog] {
        let (status, body) = try await get("/v1/request-logs?limit=1000")
        guard status == 200 else {
            throw EndToEndFailure("GET /v1/request-logs → \(status): \(String(decoding: body, as: UTF8.self))")
        }
        let envelope = try JSONDecoder().decode(SuccessEnvelope<[RequestLog]>.self, from: body)
        if envelope.page?.hasMore == true { throw EndToEndFailure("GET /v1/request-logs: more than one page") }
        return envelope.data
    }
}
