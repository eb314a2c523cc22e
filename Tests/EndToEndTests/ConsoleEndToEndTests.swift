import Foundation
import RewardsContract
import Testing

/// Drives the real `rewards-ops demo` binary in tmux against its in-process sandbox and checks
/// both the screen and the sandbox's state over signed HTTP. Needs `swift build` first and tmux.
@Suite("rewards-ops demo, end to end", .serialized, .timeLimit(.minutes(2)))
struct ConsoleEndToEndTests {
    // MARK: 1. Launch, panes, quit

    @Test("Launch shows the four panes and TEST; 1/2/4/Tab switch panes; q exits with status 0")
    func launchSwitchPanesAndQuit() async throws {
        let console = try TmuxConsole()
        defer { console.close() }

        let screen = try await console.waitUntilLive()
        let tabBar = try #require(screen.components(separatedBy: "\n").first)
        for title in ["Members", "Redemptions", "Review queue", "Error log", "TEST"] {
            #expect(tabBar.contains(title), "tab bar lacks \(title): \(tabBar)")
        }
        // Starts on the review queue.
        try await waitForHeader(console, ["ID", "Status", "Kind", "Reason", "Requested", "Available", "Short", "Lvl"])

        console.send("1")
        try await waitForHeader(console, ["Name", "Email", "Available"])
        console.send("2")
        try await waitForHeader(console, ["Points", "Cash", "Last error"])
        console.send("4")
        // The Error log opens on its per-code summary (Enter drills into a code's failures).
        try await waitForHeader(console, ["Code", "Count", "HTTP", "What to do"])
        console.send("Tab")  // wraps from the error log to the members
        try await waitForHeader(console, ["Name", "Email", "Available"])
        console.send("3")
        try await waitForHeader(console, ["Requested", "Short", "Lvl"])

        let status = try await console.quit()
        #expect(status == 0, "rewards-ops exited with \(status.map(String.init) ?? "?")")
    }

    // MARK: 2. Approve

    @Test("a, y approves the selected review: message, sandbox state, row in the approved section")
    func approveFirstReview() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))
        #expect(probe.info.environment == "test")

        let (id, before) = try await firstOpenReview(console, probe)

        console.send("a")
        try await console.waitFor(text: "Confirm approval", "Approve review \(id)")
        console.send("y")
        let after = try await console.waitFor(text: "Approved \(id)")
        #expect(!after.contains("Confirm approval"))
        let shownVersion = version(in: after, after: "Approved \(id)")

        let review = try await probe.review(id)
        #expect(review.status == .approved)
        #expect(review.decidedBy == probe.info.keys.ops.id)
        #expect(review.version > before.version)
        #expect(shownVersion == review.version, "message shows version \(shownVersion.map(String.init) ?? "none")")

        console.send("G")
        let bottom = try await console.waitFor("row \(id) shown as approved") { screen in
            queueRows(in: screen).contains { $0.id == id && $0.status == "approved" }
        }
        // Open rows first, then escalated, then approved.
        let ranks = queueRows(in: bottom).map { ["open": 0, "escalated": 1, "approved": 2][$0.status] ?? 3 }
        #expect(ranks == ranks.sorted(), "queue not ordered open < escalated < approved:\n\(bottom)")

        let status = try await console.quit()
        #expect(status == 0)
    }

    // MARK: 3. Cancelling changes nothing

    @Test("a then Enter (Cancel focused) and a then n leave the review untouched")
    func cancelledApprovalChangesNothing() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))

        let (id, before) = try await firstOpenReview(console, probe)

        for cancelKey in ["Enter", "n"] {
            console.send("a")
            try await console.waitFor(text: "Confirm approval", "Approve review \(id)")
            console.send(cancelKey)
            let closed = try await console.waitFor("the dialog to close after \(cancelKey)") {
                !$0.contains("Confirm approval")
            }
            #expect(closed.contains("Cancelled"), "no Cancelled message after \(cancelKey)")
            #expect(!closed.contains("Approved \(id)"))
        }

        // Nothing may reach the sandbox, not even late: watch it for a while.
        let clock = ContinuousClock()
        let until = clock.now.advanced(by: .milliseconds(1500))
        repeat {
            let review = try await probe.review(id)
            #expect(review.status == .open)
            #expect(review.version == before.version)
            #expect(review.decidedBy == nil)
            try await Task.sleep(for: .milliseconds(300))
        } while clock.now < until
        let final = console.screen()
        #expect(!final.contains("queued") && !final.contains("Approved"), "an action went out:\n\(final)")
        #expect(final.contains("outbox 0"))
        #expect(firstReviewID(in: final) == id)

        let status = try await console.quit()
        #expect(status == 0)
    }

    // MARK: 4. Escalate with a note

    @Test("e, note, Enter, y escalates: level + 1 and the note at the sandbox")
    func escalateWithNote() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))

        let (id, before) = try await firstOpenReview(console, probe)

        let note = "e2e: needs finance sign-off, café 42"
        try await escalateSelected(console, id: id, note: note)
        let after = try await console.waitFor(text: "Escalated \(id)")
        let shownVersion = version(in: after, after: "Escalated \(id)")

        let review = try await probe.review(id)
        #expect(review.status == .escalated)
        #expect(review.escalationLevel == before.escalationLevel + 1)
        #expect(review.note == note)
        #expect(review.version > before.version)
        #expect(shownVersion == review.version, "message shows version \(shownVersion.map(String.init) ?? "none")")

        try await console.waitFor("row \(id) shown as escalated") { screen in
            queueRows(in: screen).contains { $0.id == id && $0.status == "escalated" }
        }

        let status = try await console.quit()
        #expect(status == 0)
    }
}

// MARK: - Screen parsing

/// A row of the review queue as shown: its id and status columns, whether it is marked
/// (`● ` before the id) and the whole line (for the Action column).
struct QueueRow: Equatable {
    let id: String
    let status: String
    var marked = false
    var line = ""
}

/// Rows of the review-queue table: the lines under the header that start with a `rev_` id
/// (or `● rev_` when marked).
func queueRows(in screen: String) -> [QueueRow] {
    let lines = screen.components(separatedBy: "\n")
    guard let header = lines.firstIndex(where: isReviewHeader) else { return [] }
    var rows: [QueueRow] = []
    for line in lines[(header + 1)...] {
        var fields = line.split(separator: " ", omittingEmptySubsequences: true)
        let marked = fields.first == "●"
        if marked { fields.removeFirst() }
        guard fields.count >= 2, fields[0].hasPrefix("rev_") else { break }
        rows.append(QueueRow(id: String(fields[0]), status: String(fields[1]), marked: marked, line: line))
    }
    return rows
}

func isReviewHeader(_ line: String) -> Bool {
    line.hasPrefix("ID") && ["Status", "Requested", "Short", "Lvl"].allSatisfy(line.contains)
}

func firstReviewID(in screen: String) -> String? { queueRows(in: screen).first?.id }

/// `N` of `… (version N)` following `prefix` on the screen.
func version(in screen: String, after prefix: String) -> Int? {
    guard let start = screen.range(of: prefix) else { return nil }
    let rest = screen[start.upperBound...].prefix { $0 != "\n" }
    guard let match = rest.range(of: #"\(version \d+\)"#, options: .regularExpression) else { return nil }
    return Int(rest[match].dropFirst("(version ".count).dropLast())
}

/// Waits until the table header (the line under the tab bar) holds every one of `columns`.
func waitForHeader(_ console: TmuxConsole, _ columns: [String],
                   sourceLocation: SourceLocation = #_sourceLocation) async throws {
    try await console.waitFor("column headers \(columns)", sourceLocation: sourceLocation) { screen in
        let lines = screen.components(separatedBy: "\n")
        return lines.count > 1 && columns.allSatisfy(lines[1].contains)
    }
}

/// Waits for the first full sync and an open review on the first queue row; returns the screen.
func waitForQueue(_ console: TmuxConsole, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    try await console.waitUntilLive(sourceLocation: sourceLocation)
    return try await console.waitFor("an open review on the first queue row", sourceLocation: sourceLocation) {
        queueRows(in: $0).first?.status == "open"
    }
}

/// The first queue row's review, once the queue is on screen, checked open at the sandbox.
func firstOpenReview(_ console: TmuxConsole, _ probe: SandboxProbe,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> (id: String, review: Review) {
    let screen = try await waitForQueue(console, sourceLocation: sourceLocation)
    let id = try #require(firstReviewID(in: screen), "no rev_ id on the first queue row:\n\(screen)",
                          sourceLocation: sourceLocation)
    let review = try await probe.review(id)
    #expect(review.status == .open, "first queue row \(id) is \(review.status) at the sandbox", sourceLocation: sourceLocation)
    return (id, review)
}

/// `e`, the note, Enter, `y`: escalates the selected review `id`, through the note and the
/// confirmation dialogs, each checked on screen before the next key.
func escalateSelected(_ console: TmuxConsole, id: String, note: String,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws {
    console.send("e")
    try await console.waitFor(text: "Escalation note", "Escalate review \(id)", sourceLocation: sourceLocation)
    console.type(note)
    try await console.waitFor(text: note, sourceLocation: sourceLocation)
    console.send("Enter")
    try await console.waitFor(text: "Confirm escalation", sourceLocation: sourceLocation)
    console.send("y")
}
