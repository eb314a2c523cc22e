import Foundation
import RewardsContract
import Sandbox
import Synchronization
import Testing

/// `--list-delay` / `SandboxOptions.listDelays`: every page of the named list is held, and no
/// other request is, so a client's handling of one slow list can be tested without depending
/// on machine speed.
@Suite struct ListDelayTests {
    @Test func theDelaysParseAndRefuseWhatTheyCannotMean() throws {
        let parsed = try ListDelays.parse("members=300ms,request-logs=1.5s")
        #expect(parsed[.members] == .milliseconds(300) && parsed[.requestLogs] == .milliseconds(1500))
        #expect(parsed[.reviews] == nil && parsed[.redemptions] == nil)
        #expect(try ListDelays.parse("reviews=0s")[.reviews] == .zero)
        #expect(try ListDelays.parse("") == ListDelays.none)
        for bad in ["members", "members=", "members=300", "members=-1s", "members=61s", "ledger=1s", "members=1s,members=2s",
                    "members=1e3ms", "members=nans"] {
            #expect(throws: ListDelaysError.self, "\(bad)") { try ListDelays.parse(bad) }
        }
    }

    @Test func everyPageOfTheDelayedListIsHeld() async throws {
        let delay = Duration.milliseconds(300)
        try await withSandbox(SandboxOptions(members: 30, listDelays: ListDelays([.members: delay]))) { server in
            let client = SignedClient(server)
            var cursor: String?
            var pages = 0
            repeat {
                let started = ContinuousClock.now
                let page = try await client.get("/v1/members?limit=10" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == 200)
                // Held at least the delay: a lower bound, which a slow machine cannot break.
                #expect(ContinuousClock.now - started >= delay, "page \(pages + 1)")
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil
            #expect(pages == 3)
            #expect(server.listDelays == ListDelays([.members: delay]))
        }
    }

    final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    @Test func onlyTheDelayedListWaits() async throws {
        let server = try await SandboxServer.start(SandboxOptions(members: 200))
        do {
            // Longer than any test would wait: the other lists must answer while it runs, and
            // stopping the server releases it.
            server.setListDelays(ListDelays([.members: .seconds(60)]))
            let client = SignedClient(server)
            let membersDone = Flag()
            let members = Task {
                let page = try await client.get("/v1/members?limit=5")
                membersDone.set()
                return page
            }
            for path in ["/v1/reviews", "/v1/redemptions", "/v1/request-logs", "/v1/members/mem_nothere", "/v1/me",
                         "/v1/changes/head"] {
                let response = try await client.get(path)
                #expect(response.status == (path.hasSuffix("mem_nothere") ? 404 : 200), "\(path)")
            }
            let reviews = try await client.get("/v1/reviews?limit=1000")
            #expect(!reviews.dataArray.isEmpty)
            #expect(!membersDone.isSet, "the members page is still held")

            await server.stop()
            let page = try await members.value
            #expect(page.status == 200 && page.dataArray.count == 5, "released by the stop, and answered")
        } catch {
            await server.stop()
            throw error
        }
    }
}
