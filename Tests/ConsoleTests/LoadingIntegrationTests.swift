import Foundation
import Mirror
import RewardsClient
import RewardsContract
import Sandbox
import SyncEngine
import Synchronization
import Terminal
import TestSupport
import Testing
@testable import Console

/// The console's real runtime (its UI loop's steps, its effects, the sync engine in its work)
/// on an in-memory screen, against the sandbox over loopback HTTP (#14): the review queue on
/// screen while members still load, and a `410` mid-session that never blanks the screen.
@Suite struct LoadingIntegrationTests {
    struct Platform {
        let server: SandboxServer
        let mirror: MirrorStore
        let engine: SyncEngine
        let directory: URL

        static func start(_ options: SandboxOptions, pageSize: Int) async throws -> Platform {
            let server = try await SandboxServer.start(options)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-loading-\(UUID().uuidString)")
            let mirror = try MirrorStore(path: directory.appendingPathComponent("mirror.sqlite").path)
            let key = server.keys.ops
            let client = PlatformClient(credentials: Credentials(baseURL: server.baseURL, keyId: key.id, secret: key.secret))
            return Platform(server: server, mirror: mirror, engine: SyncEngine(client: client, mirror: mirror, pageSize: pageSize),
                            directory: directory)
        }

        /// A console on the mirror, its first windows asked for; the feed is not followed yet.
        func console() -> ConsoleRuntime {
            let runtime = ConsoleRuntime(terminal: MemoryTerminal(columns: 120, rows: 30), mirror: mirror, engine: engine,
                                         environmentHint: .test)
            runtime.start()
            return runtime
        }

        /// The engine follows the feed in the session's work, its events posted to the console
        /// (as `followFeed` does) after `hook` has seen them, on the engine's own task.
        func follow(_ runtime: ConsoleRuntime, hook: @escaping @Sendable (SyncEvent) -> Void = { _ in }) {
            let inbox = runtime.inbox
            let engine = self.engine
            runtime.work.add {
                await engine.run { event in
                    hook(event)
                    inbox.post(.sync(event))
                }
            }
        }

        func stop(_ runtime: ConsoleRuntime) async {
            let box = RuntimeBox(runtime: runtime)
            _ = await onOwnThread { box.runtime.end(waitingAtMost: 10) }
            await server.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    final class RuntimeBox: @unchecked Sendable {
        let runtime: ConsoleRuntime
        init(runtime: ConsoleRuntime) { self.runtime = runtime }
    }

    static func screen(_ state: AppState) -> String { RootView.render(state).text() }

    @Test func theReviewQueueShowsWhileMembersAreStillLoading() async throws {
        let platform = try await Platform.start(SandboxOptions(port: 0, members: 400, seed: 11), pageSize: 25)
        let runtime = platform.console()
        #expect(runtime.state.loading.lists.count == 4, "an empty mirror: every list is still to load")
        // Once the first page of members is in, the rest are held (a minute each, longer than
        // the test waits): at most the page already on its way gets through.
        let server = platform.server
        let held = Mutex(false)
        platform.follow(runtime) { event in
            guard case .progress(.list(let list)) = event, list.kind == .member else { return }
            let first = held.withLock { wasHeld in defer { wasHeld = true }; return !wasHeld }
            if first { server.setListDelays(ListDelays([.members: .seconds(60)])) }
        }

        var claimedEmpty: [String] = []
        let reviewsShown = await runtime.stepEachMessage(observe: { state in
            let text = Self.screen(state)
            if text.contains("The review queue is empty.") { claimedEmpty.append(text) }
        }, until: { state in
            // The queue's lists load one after the other while the members wait for their delay.
            Self.screen(state).contains("rev_") && state.panes[.members].progress.map { $0.loaded > 0 } == true
                && state.loading.lists.keys.allSatisfy { $0 == .member }
        })
        #expect(reviewsShown, "review rows on screen while members load; the screen was:\n\(Self.screen(runtime.state))")
        #expect(claimedEmpty.isEmpty, "the queue never said it was empty while it loaded")
        let members = try #require(runtime.state.loading.lists[.member], "members are still loading")
        #expect(members.total == 400, "the sandbox sent the lists' counts with the feed head")
        // Pages received before the delay was set still arrive: the one written, the ones
        // waiting for the writer, and the one that was on its way.
        #expect(members.rows <= (SyncEngine.pagesAhead + 2) * 25)
        #expect(runtime.state.loading.lists[.review] == nil)
        let statusLine = RootView.render(runtime.state).row(29)
        #expect(statusLine.contains("loading members"), "\(statusLine)")
        #expect(statusLine.contains(" of ~400"), "\(statusLine)")

        // The members already written are browsable, and a filter says it searched only those.
        runtime.dispatch(.key(.char("1")))
        let browsable = await runtime.step { state in
            state.pane == .members && !state.panes.isLoading && Self.screen(state).contains("mem_")
        }
        #expect(browsable, "\(Self.screen(runtime.state))")
        let tabs = RootView.render(runtime.state).row(0)
        #expect(tabs.contains("Members") && tabs.contains("…"), "the members' tab says they are loading: \(tabs)")
        for character in "/mem_" { runtime.dispatch(.key(.char(character))) }
        let noted = await runtime.step { state in
            RootView.render(state).row(28).contains("of ~400 loaded")
        }
        #expect(noted, "the filter says what it searched: \(RootView.render(runtime.state).row(28))")
        #expect(!Self.screen(runtime.state).contains("No member matches"))
        await platform.stop(runtime)
    }

    @Test func anExpiredCursorMidSessionKeepsTheRowsOnScreenAndEndsExact() async throws {
        let platform = try await Platform.start(SandboxOptions(port: 0, members: 300, seed: 9, feedHistoryLimit: 50),
                                                pageSize: 40)
        try await platform.engine.syncOnce()
        let runtime = platform.console()
        #expect(!runtime.state.loading.isLoading)
        let shown = await runtime.step { Self.screen($0).contains("rev_") }
        #expect(shown)

        // Far more changes than the server keeps: the mirror's cursor is expired now. Members'
        // pages are slowed so the new pass is on screen a while.
        try await platform.server.simulateActivity(steps: 1500, seed: 77)
        platform.server.setListDelays(ListDelays([.members: .milliseconds(200)]))
        let expired = Mutex(false)
        platform.follow(runtime) { event in
            if case .error(let error) = event, error.code == "cursor_expired" { expired.withLock { $0 = true } }
        }

        struct Seen { var staleFrames = 0; var blankFrames: [String] = []; var unmarked: [String] = [] }
        var seen = Seen()
        let ended = await runtime.stepEachMessage(untilSeconds: 120, observe: { state in
            guard state.loading.stale else { return }
            let frame = RootView.render(state)
            seen.staleFrames += 1
            if !frame.text().contains("rev_") { seen.blankFrames.append(frame.text()) }
            if !frame.row(29).contains("stale") { seen.unmarked.append(frame.row(29)) }
        }, until: { state in
            guard seen.staleFrames > 0, !state.loading.isLoading, case .live = state.sync else { return false }
            return !state.panes.isLoading
        })
        #expect(ended, "the new pass ended; the screen was:\n\(Self.screen(runtime.state))")
        #expect(expired.withLock { $0 }, "the cursor expired")
        #expect(seen.staleFrames > 0)
        #expect(seen.blankFrames.isEmpty, "the old rows stayed on screen: \(seen.blankFrames.first ?? "")")
        #expect(seen.unmarked.isEmpty, "the status line said they were stale: \(seen.unmarked.first ?? "")")
        let after = RootView.render(runtime.state)
        #expect(after.text().contains("rev_"))
        #expect(!after.row(29).contains("stale"))

        // Exact: the mirror equals the sandbox, purged members and all.
        let snapshot = try await platform.server.snapshot()
        var members: [Member] = [], reviews: [Review] = []
        try platform.mirror.forEachMember { members += $0 }
        try platform.mirror.forEachReview { reviews += $0 }
        #expect(members == snapshot.members)
        #expect(reviews == snapshot.reviews)
        await platform.stop(runtime)
    }
}

extension ConsoleRuntime {
    /// Runs the UI loop's steps until `until` holds, at most `seconds`, and shows `observe` the
    /// state after every message: no state the console passes through is missed, however long
    /// a loaded machine keeps the test from stepping.
    func stepEachMessage(untilSeconds seconds: Double = 60, observe: (AppState) -> Void,
                         until: (AppState) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var lastTick = Date.distantPast
        observe(state)
        while !until(state) {
            guard Date() < deadline else { return false }
            try? await Task.sleep(nanoseconds: 5_000_000)
            let now = Date()
            if now.timeIntervalSince(lastTick) >= Self.tickInterval {
                lastTick = now
                dispatch(.tick(now))
                observe(state)
            }
            for message in inbox.drain() {
                dispatch(message)
                observe(state)
            }
        }
        return true
    }
}
