import Foundation
import Sandbox
import Testing

/// Opt-in: `SANDBOX_SCALE_MEMBERS=1000000 swift test -c release --filter ScaleTests`.
@Suite struct ScaleTests {
    static let members = ProcessInfo.processInfo.environment["SANDBOX_SCALE_MEMBERS"].flatMap { Int($0) }

    @Test(.enabled(if: members != nil)) func generatesAndServesManyMembers() async throws {
        let count = try #require(Self.members)
        let started = ContinuousClock.now
        let server = try await SandboxServer.start(SandboxOptions(members: count))
        let generated = ContinuousClock.now - started
        let client = SignedClient(server)
        var cursor: String?
        var rows = 0
        let reading = ContinuousClock.now
        repeat {
            let response = try await client.get("/v1/members?includeDeleted=true&limit=1000" + (cursor.map { "&cursor=\($0)" } ?? ""))
            // Counted without decoding: the test's generic JSON decoding is far slower than the server.
            rows += response.text.components(separatedBy: "\"clubId\":").count - 1
            cursor = response.text.split(separator: "\"nextCursor\":\"").last.flatMap { tail in
                tail.firstIndex(of: "\"").map { String(tail[..<$0]) }
            }
            if response.text.hasSuffix("\"nextCursor\":null,\"hasMore\":false}}") { cursor = nil }
        } while cursor != nil && rows < 200_000
        let read = ContinuousClock.now - reading
        let seconds = Double(read.components.seconds) + Double(read.components.attoseconds) / 1e18
        print("scale: \(count) members generated in \(generated); read \(rows) in \(read) = \(Int(Double(rows) / seconds))/s")
        #expect(rows == min(count, 200_000))
        await server.stop()
    }
}
