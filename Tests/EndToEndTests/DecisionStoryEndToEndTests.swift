import Foundation
import RewardsContract
import Testing

/// Issue #17 through the real binary: two operators racing on one review, a bulk decision with
/// refusals, and quitting with a decision not sent yet. The demo hosts the sandbox; a second
/// console (`rewards-ops console` with the sandbox's `ops2` key and a mirror of its own) plays
/// the second operator. In the serialized suite, like every end-to-end test.
extension ConsoleEndToEndTests {
    // MARK: Helpers

    /// The environment of a console on the demo's sandbox under `key`, with its own mirror and
    /// no user config.
    static func connection(_ info: SandboxInfo, key: SandboxInfo.Key, home: URL) -> [String: String] {
        [
            "REWARDS_OPS_BASE_URL": info.baseUrl, "REWARDS_OPS_KEY_ID": key.id, "REWARDS_OPS_KEY_SECRET": key.secret,
            "REWARDS_OPS_MIRROR": home.appendingPathComponent("ops2-mirror.sqlite").path,
            "XDG_DATA_HOME": home.path, "XDG_CONFIG_HOME": home.path, "HOME": home.path,
        ]
    }

    /// `rewards-ops console` as the second operator; `home` must outlive it.
    static func secondConsole(_ info: SandboxInfo, home: URL) throws -> TmuxConsole {
        let key = try #require(info.keys.ops2, "the sandbox's startup line has no ops2 key")
        return try TmuxConsole(arguments: { _ in ["console"] }, environment: connection(info, key: key, home: home))
    }

    /// `rewards-ops sync --once` with the second operator's connection: sends what its outbox holds.
    static func syncOnce(_ info: SandboxInfo, home: URL) throws -> (status: Int32, output: String) {
        let key = try #require(info.keys.ops2)
        var environment = connection(info, key: key, home: home)
        environment["LANG"] = "C.UTF-8"
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try runProcess(try TmuxConsole.binaryPath(), ["sync", "--once"], environment: environment)
    }

    // MARK: 9. Two operators, one review

    @Test("Two consoles (ops, ops2) race on one review: the escalation wins, the approval a second later is refused and its console names the winner's key and action")
    func twoConsolesRaceOnOneReview() async throws {
        let first = try TmuxConsole()
        defer { first.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: first.infoPath))
        let opsKey = probe.info.keys.ops.id
        let second = try Self.secondConsole(probe.info, home: first.directory)
        defer { second.close() }

        let (id, before) = try await firstOpenReview(first, probe)
        let secondQueue = try await waitForQueue(second)
        #expect(firstReviewID(in: secondQueue) == id, "the two consoles list the queue alike:\n\(secondQueue)")
        #expect(statusLine(secondQueue).contains("ops"))

        try await escalateSelected(first, id: id, note: "e2e race: finance first")
        try await first.waitFor("⏳ on \(id) in the first console") { screen in
            queueRows(in: screen).contains { $0.id == id && $0.line.contains("⏳ sends in") }
        }
        try await Task.sleep(for: .seconds(1))
        second.send("a")
        try await second.waitFor(text: "Confirm approval", "Approve review \(id)")
        second.send("y")
        try await second.waitFor("⏳ on \(id) in the second console", timeout: .seconds(5)) { screen in
            queueRows(in: screen).contains { $0.id == id && $0.line.contains("⏳ sends in") }
        }

        // The loser's screen: who won, and what they did.
        let told = try await second.waitFor("the second console told who won", timeout: .seconds(40)) { screen in
            screen.contains("\(id) escalated to level \(before.escalationLevel + 1) by \(opsKey) at ")
                && screen.contains("your approve was not applied")
        }
        // The Action column is 14 wide: the code is cut, its start is there.
        #expect(queueRows(in: told).contains { $0.id == id && $0.line.contains("✗ version_con") },
                "the row keeps its ✗:\n\(second.framed(told))")

        // Exactly one action reached the review: the escalation, by the ops key.
        let review = try await probe.review(id)
        #expect(review.status == .escalated)
        #expect(review.escalationLevel == before.escalationLevel + 1)
        #expect(review.version == before.version + 1, "one change only: v\(before.version) → v\(review.version)")
        #expect(review.lastActionBy == opsKey)
        #expect(review.decidedBy == nil)
        try await Task.sleep(for: .seconds(1))
        #expect(try await probe.review(id).version == review.version, "nothing came after")

        // The ✗ stays while the row is selected, whatever the feed brings.
        try await Task.sleep(for: .seconds(1))
        #expect(queueRows(in: second.screen()).contains { $0.id == id && $0.line.contains("✗ version_con") })

        #expect(try await second.quit() == 0)
        #expect(try await first.quit() == 0)
    }

    // MARK: 10. A bulk decision with refusals

    @Test("Space marks five redemptions, a, y: one summary of the answers that lists each refusal with its message, until Esc")
    func bulkApprovalWithRefusalsEndsWithOneSummary() async throws {
        let console = try TmuxConsole(extraArguments: ["--undo-seconds", "1"])
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))
        try await console.waitUntilLive()
        console.send("2")
        let screen = try await console.waitFor("five redemptions, one of them not approvable") { screen in
            let rows = redemptionRows(in: screen)
            return rows.count >= 5 && rows.prefix(5).contains { !["pending_approval", "escalated"].contains($0.status) }
        }
        let marked = Array(redemptionRows(in: screen).prefix(5))
        let before = Dictionary(uniqueKeysWithValues: try await probe.redemptions().map { ($0.id, $0) })
        for (index, row) in marked.enumerated() {
            console.send("Space")
            try await console.waitFor("\(row.id) marked") { screen in
                redemptionRows(in: screen).contains { $0.id == row.id && $0.marked } && screen.contains("\(index + 1) marked")
            }
        }
        console.send("a")
        let dialog = try await console.waitFor(text: "Confirm approval of 5")
        #expect(boxLines(in: dialog, titled: "Confirm approval of 5").contains { $0.contains("will be refused as the mirror stands") },
                "the dialog warns of the predictable refusals:\n\(console.framed(dialog))")
        console.send("y")

        let summaryScreen = try await console.waitFor("the bulk summary", timeout: .seconds(40)) { screen in
            !boxLines(in: screen, titled: "Bulk approve of 5").isEmpty
        }
        let summary = boxLines(in: summaryScreen, titled: "Bulk approve of 5")
        let after = Dictionary(uniqueKeysWithValues: try await probe.redemptions().map { ($0.id, $0) })
        let applied = marked.filter { (after[$0.id]?.version ?? 0) > (before[$0.id]?.version ?? 0) }
        let refused = marked.filter { row in !applied.contains { $0.id == row.id } }
        #expect(!refused.isEmpty && applied.allSatisfy { after[$0.id]?.status == .reserved })
        let headline = try #require(summary.first)
        #expect(headline.hasPrefix("5 decided: \(applied.count) approved, \(refused.count) refused — "),
                "summary:\n\(summary.joined(separator: "\n"))")
        for row in refused {
            #expect(summary.contains { $0.hasPrefix("✗ \(row.id) ") && $0.contains(": ") }, "\(row.id) not listed with its message")
        }
        // It stays (past any flash) until Esc.
        try await Task.sleep(for: .seconds(7))
        #expect(!boxLines(in: console.screen(), titled: "Bulk approve of 5").isEmpty)
        console.send("Escape")
        try await console.waitFor("the summary dismissed") { boxLines(in: $0, titled: "Bulk approve of 5").isEmpty }
        #expect(try await console.quit() == 0)
    }

    // MARK: 11. Quitting with a decision not sent

    @Test("q inside the undo window asks: l leaves it queued (sync sends it later), s sends it before exiting")
    func quitWithADecisionInItsUndoWindowLosesNothing() async throws {
        let host = try TmuxConsole()
        defer { host.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: host.infoPath))
        let ops2 = try #require(probe.info.keys.ops2).id
        try await host.waitUntilLive()

        // l: leave it queued.
        let leaving = try Self.secondConsole(probe.info, home: host.directory)
        defer { leaving.close() }
        let (left, _) = try await firstOpenReview(leaving, probe)
        leaving.send("a")
        try await leaving.waitFor(text: "Confirm approval", "Approve review \(left)")
        leaving.send("y")
        try await leaving.waitFor(text: "⏳ sends in")
        leaving.send("q")
        let asked = try await leaving.waitFor(text: "Quit? 1 decision not sent", "leave them queued and quit")
        #expect(asked.contains("send now and wait for the answers"))
        leaving.send("l")
        let exited = try await leaving.waitFor(text: "EXITED=0")
        #expect(exited.contains("1 decision left queued in the outbox: sent the next time `rewards-ops console` or"))
        try await Task.sleep(for: .seconds(6))
        #expect(try await probe.review(left).status == .open, "a decision left queued went anyway")
        let sync = try Self.syncOnce(probe.info, home: host.directory)
        #expect(sync.status == 0, "sync --once: \(sync.output)")
        let approved = try await probe.review(left)
        #expect(approved.status == .approved && approved.decidedBy == ops2, "the queued decision was lost")

        // s: send now and wait.
        let sending = try Self.secondConsole(probe.info, home: host.directory)
        defer { sending.close() }
        let (sent, _) = try await firstOpenReview(sending, probe)
        #expect(sent != left)
        sending.send("a")
        try await sending.waitFor(text: "Confirm approval", "Approve review \(sent)")
        sending.send("y")
        try await sending.waitFor(text: "⏳ sends in")
        sending.send("q")
        try await sending.waitFor(text: "Quit? 1 decision not sent")
        sending.send("s")
        let done = try await sending.waitFor(text: "EXITED=0")
        #expect(done.contains("Sent 1 decision before quitting."))
        let review = try await probe.review(sent)
        #expect(review.status == .approved && review.decidedBy == ops2)
        #expect(try await host.quit() == 0)
    }

    @Test("In the demo, q then l inside the undo window: the decision is sent before the sandbox stops")
    func theDemoSendsWhatIsLeftBeforeItsSandboxStops() async throws {
        let demo = try TmuxConsole(extraArguments: ["--undo-seconds", "60"])
        defer { demo.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: demo.infoPath))
        try await demo.waitUntilLive()
        let (id, _) = try await firstOpenReview(demo, probe)
        demo.send("a")
        try await demo.waitFor(text: "Confirm approval", "Approve review \(id)")
        demo.send("y")
        try await demo.waitFor(text: "⏳ sends in")
        demo.send("q")
        let asked = try await demo.waitFor(text: "Quit? 1 decision not sent", "l    quit now: the demo sends them before its sandbox stops")
        #expect(try await probe.review(id).status == .open, "sent inside its 60 s undo window:\n\(demo.framed(asked))")
        demo.send("l")
        let exited = try await demo.waitFor(text: "EXITED=0", timeout: .seconds(45))
        #expect(exited.contains("1 decision not sent yet: the demo sends them before its sandbox stops."))
        #expect(exited.contains("Sending 1 decision before the sandbox stops…"))
        #expect(exited.contains("Sent."), "the demo's flush left it unsent:\n\(demo.framed(exited))")
    }

    @Test("Ctrl-C right after y, and a hangup inside the undo window, keep the decision in the outbox for the next sync")
    func interruptsKeepConfirmedDecisions() async throws {
        let host = try TmuxConsole()
        defer { host.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: host.infoPath))
        let ops2 = try #require(probe.info.keys.ops2).id
        try await host.waitUntilLive()

        // Ctrl-C a moment after y: the outbox write lands before the console ends.
        let interrupted = try Self.secondConsole(probe.info, home: host.directory)
        defer { interrupted.close() }
        let (first, _) = try await firstOpenReview(interrupted, probe)
        interrupted.send("a")
        try await interrupted.waitFor(text: "Confirm approval", "Approve review \(first)")
        interrupted.send("y", "C-c")
        let exited = try await interrupted.waitFor(text: "EXITED=0")
        #expect(exited.contains("1 decision left queued in the outbox"))

        // A hangup (the terminal goes away) inside the undo window. Another mirror: a console on
        // the first one would send the decision Ctrl-C left queued, as it should.
        let otherHome = host.directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: otherHome, withIntermediateDirectories: true)
        let hungUp = try Self.secondConsole(probe.info, home: otherHome)
        defer { hungUp.close() }
        let queue = try await waitForQueue(hungUp)
        let rows = queueRows(in: queue)
        let index = try #require(rows.firstIndex { $0.status == "open" && $0.id != first })
        let second = rows[index].id
        for _ in 0..<index { hungUp.send("j") }
        hungUp.send("a")
        try await hungUp.waitFor(text: "Confirm approval", "Approve review \(second)")
        hungUp.send("y")
        try await hungUp.waitFor(text: "⏳ sends in")
        hungUp.hangUp()

        // Past both undo windows nothing was sent (the consoles are gone), and nothing is lost.
        try await Task.sleep(for: .seconds(7))
        #expect(try await probe.review(first).status == .open)
        #expect(try await probe.review(second).status == .open)
        for home in [host.directory, otherHome] {
            let sync = try Self.syncOnce(probe.info, home: home)
            #expect(sync.status == 0, "sync --once: \(sync.output)")
        }
        for id in [first, second] {
            let review = try await probe.review(id)
            #expect(review.status == .approved && review.decidedBy == ops2, "\(id) was lost")
        }
        #expect(try await host.quit() == 0)
    }
}

/// A row of the Redemptions table: its id, status, and whether it is marked.
struct RedemptionScreenRow: Equatable {
    let id: String
    let status: String
    var marked = false
}

func redemptionRows(in screen: String) -> [RedemptionScreenRow] {
    let lines = screen.components(separatedBy: "\n")
    guard let header = lines.firstIndex(where: { $0.hasPrefix("ID") && $0.contains("Cash") && $0.contains("Tries") }) else {
        return []
    }
    var rows: [RedemptionScreenRow] = []
    for line in lines[(header + 1)...] {
        var fields = line.split(separator: " ", omittingEmptySubsequences: true)
        let marked = fields.first == "●"
        if marked { fields.removeFirst() }
        guard fields.count >= 3, fields[0].hasPrefix("red_") else { break }
        rows.append(RedemptionScreenRow(id: String(fields[0]), status: String(fields[2]), marked: marked))
    }
    return rows
}
