import Foundation
import RewardsContract
import Testing

/// More workflows of the real binary, in the same serialized suite (an extension adds its tests
/// to `ConsoleEndToEndTests`, so they never run alongside the others on a 2-core machine).
extension ConsoleEndToEndTests {
    // MARK: 5. Bulk approve, undo

    @Test("Space marks three, a, y: ⏳ in the undo window, then approved; u withdraws a later single decision")
    func bulkApproveThreeThenUndoOne() async throws {
        let undoSeconds = 4
        let console = try TmuxConsole(extraArguments: ["--undo-seconds", String(undoSeconds)])
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))
        let opsKey = probe.info.keys.ops.id
        let clock = ContinuousClock()

        let screen = try await waitForQueue(console)
        let open = queueRows(in: screen).filter { $0.status == "open" }.map(\.id)
        try #require(open.count >= 4, "fewer than 4 open reviews on screen:\n\(screen)")
        let marked = Array(open.prefix(3))
        let fourth = open[3]
        let before = Dictionary(uniqueKeysWithValues: try await probe.reviews().map { ($0.id, $0) })
        for id in open.prefix(4) {
            #expect(before[id]?.status == .open, "\(id) is \(before[id].map { "\($0.status)" } ?? "missing") at the sandbox")
        }

        // Space marks the selected row (the first) and moves down.
        for (index, id) in marked.enumerated() {
            console.send("Space")
            try await console.waitFor("\(id) marked (\(index + 1) marked)") { screen in
                queueRows(in: screen).contains { $0.id == id && $0.marked } && screen.contains("\(index + 1) marked")
            }
        }
        let marks = queueRows(in: console.screen()).filter(\.marked).map(\.id)
        #expect(marks.sorted() == marked.sorted(), "marked rows on screen: \(marks)")

        console.send("a")
        let dialog = try await console.waitFor("the bulk dialog listing three reviews") { screen in
            boxLines(in: screen, titled: "Confirm approval of 3").filter { $0.hasPrefix("Approve review ") }.count == 3
        }
        let listed = boxLines(in: dialog, titled: "Confirm approval of 3").filter { $0.hasPrefix("Approve review ") }
        #expect(listed.sorted() == marked.map { "Approve review \($0)" }.sorted(), "the dialog lists \(listed)")
        #expect(boxLines(in: dialog, titled: "Confirm approval of 3").contains("Approve 3 marked items:"))

        let confirmedAt = clock.now
        console.send("y")
        // Within the undo window: the three rows say ⏳ sends in Ns, and nothing reached the sandbox.
        let waiting = try await console.waitFor("⏳ sends in on the three rows", timeout: .seconds(undoSeconds)) { screen in
            let rows = queueRows(in: screen)
            return marked.allSatisfy { id in rows.contains { $0.id == id && $0.line.contains("⏳ sends in") } }
        }
        #expect(!showsDecisionDialog(waiting))
        #expect(queueRows(in: waiting).allSatisfy { !$0.marked }, "marks survive the confirmation")
        let countdowns = queueRows(in: waiting).filter { marked.contains($0.id) }.compactMap { row -> Int? in
            guard let range = row.line.range(of: #"⏳ sends in \d+s"#, options: .regularExpression) else { return nil }
            return Int(row.line[range].dropFirst("⏳ sends in ".count).dropLast())
        }
        #expect(countdowns.count == 3 && countdowns.allSatisfy { (1...undoSeconds + 1).contains($0) },
                "countdowns \(countdowns)")
        // Product bug (reported): OutboxLabel counts down from the last 250 ms tick, not the
        // clock, so right after y a 4 s window can read "⏳ sends in 5s".
        #expect(countdowns.allSatisfy { $0 <= undoSeconds }, "countdowns \(countdowns) for a \(undoSeconds) s window")
        let early = try await probe.reviews()
        if clock.now < confirmedAt.advanced(by: .seconds(undoSeconds)) {
            for id in marked {
                #expect(early.first { $0.id == id }?.status == .open, "\(id) was sent before its undo window ended")
            }
        }

        // After the window: approved at the sandbox, by the ops key.
        let approved = try await probe.waitForReviews("the three marked reviews approved") { reviews in
            marked.allSatisfy { reviews[$0]?.status == .approved }
        }
        for id in marked {
            let review = try #require(approved[id])
            #expect(review.decidedBy == opsKey, "\(id) decided by \(review.decidedBy ?? "nobody")")
            #expect(review.version > (before[id]?.version ?? .max))
        }
        #expect(clock.now - confirmedAt >= .seconds(undoSeconds - 1), "sent before the undo window ended")
        try await console.waitFor("the three rows shown as ✓ approved") { screen in
            let rows = queueRows(in: screen)
            return marked.allSatisfy { id in rows.contains { $0.id == id && $0.status == "approved" && $0.line.contains("✓ approved") } }
        }

        // A separate single decision, withdrawn with u inside its window.
        let fourthBefore = try #require(approved[fourth])
        #expect(fourthBefore.status == .open)
        console.send("g")
        try await console.waitFor("\(fourth) on the first row") { firstReviewID(in: $0) == fourth }
        console.send("a")
        let single = try await console.waitFor(text: "Confirm approval", "Approve review \(fourth)")
        #expect(!single.contains("Confirm approval of"), "a single approval shown as a bulk one")
        let fourthConfirmedAt = clock.now
        console.send("y")
        // u right away; the ⏳ shows the decision is in the outbox (see the report on pressing u even sooner).
        try await console.waitFor("⏳ on \(fourth)", timeout: .seconds(undoSeconds)) { screen in
            queueRows(in: screen).contains { $0.id == fourth && $0.line.contains("⏳ sends in") }
        }
        console.send("u")
        let undone = try await console.waitFor(text: "Undone: approve \(fourth) withdrawn, nothing was sent")
        #expect(clock.now - fourthConfirmedAt < .seconds(undoSeconds), "u came after the window")
        #expect(!undone.contains("too late"))

        // Watch the sandbox until well after the window would have ended: still open, same version.
        let until = fourthConfirmedAt.advanced(by: .seconds(undoSeconds + 2))
        repeat {
            let review = try await probe.review(fourth)
            #expect(review.status == .open, "undone \(fourth) is \(review.status) at the sandbox")
            #expect(review.version == fourthBefore.version)
            #expect(review.decidedBy == nil)
            try await Task.sleep(for: .milliseconds(300))
        } while clock.now < until
        let final = try await console.waitFor("\(fourth) open with no pending action, outbox 0") { screen in
            queueRows(in: screen).contains { $0.id == fourth && $0.status == "open" && !$0.line.contains("⏳") }
                && statusLine(screen).contains("outbox 0")
        }
        #expect(!final.contains("Approved \(fourth)"))

        let status = try await console.quit()
        #expect(status == 0)
    }

    // MARK: 6. One decision on its way at a time

    @Test("e while the row's escalation waits in the outbox is refused without a dialog; it goes out once")
    func secondEscalationRefusedWhileFirstOnItsWay() async throws {
        let console = try TmuxConsole()  // the default 5 s undo window
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))

        let (id, before) = try await firstOpenReview(console, probe)

        let note = "e2e: twice is once"
        try await escalateSelected(console, id: id, note: note)
        try await console.waitFor("⏳ on \(id)") { screen in
            queueRows(in: screen).contains { $0.id == id && $0.line.contains("⏳ sends in") }
        }

        // e and a again on the same row: a warning, no dialog.
        for key in ["e", "a"] {
            try await console.clearMessage()
            console.send(key)
            let refused = try await console.waitFor(text: "\(id) already has a escalate on its way")
            #expect(!showsDecisionDialog(refused), "\(key) opened a dialog:\n\(console.framed(refused))")
            try await Task.sleep(for: .milliseconds(300))
            #expect(!showsDecisionDialog(console.screen()), "\(key) opened a dialog late")
        }

        let escalated = try await probe.waitForReviews("\(id) escalated") { $0[id]?.status == .escalated }
        let review = try #require(escalated[id])
        #expect(review.escalationLevel == before.escalationLevel + 1)
        #expect(review.note == note)
        try await console.waitFor("row \(id) escalated, outbox 0") { screen in
            queueRows(in: screen).contains { $0.id == id && $0.status == "escalated" } && statusLine(screen).contains("outbox 0")
        }
        // Nothing else follows.
        try await Task.sleep(for: .seconds(1))
        let after = try await probe.review(id)
        #expect(after.version == review.version && after.escalationLevel == before.escalationLevel + 1)

        let status = try await console.quit()
        #expect(status == 0)
    }

    // MARK: 7. A support key changes nothing

    @Test("--role support: read-only status; a, e, Space, u and :approve refused without a dialog; help hides them")
    func supportKeyIsReadOnly() async throws {
        let console = try TmuxConsole(extraArguments: ["--role", "support"])
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))

        try await waitForQueue(console)
        let start = try await console.waitFor("support · read-only on the status line") {
            statusLine($0).contains("support · read-only")
        }
        #expect(!statusLine(start).contains("│ ops"))
        let before = try await probe.reviewFingerprints()
        let firstRow = try #require(firstReviewID(in: start))

        let refusals: [(keys: [String], typed: String?, description: String)] = [
            (["a"], nil, "approve"),
            (["e"], nil, "escalate (asks for a note)"),
            (["Space"], nil, "mark the row for a bulk decision"),
            (["u"], nil, "undo the last decision (before it is sent)"),
            (["Enter"], ":approve", "approve"),
            (["Enter"], ":escalate", "escalate (asks for a note)"),
            (["Enter"], ":mark", "mark the row for a bulk decision"),
        ]
        for refusal in refusals {
            try await console.clearMessage()
            if let typed = refusal.typed {
                console.type(typed)
                try await console.waitFor(text: typed + "▏")
            }
            console.send(refusal.keys.joined())
            let label = refusal.typed ?? refusal.keys.joined()
            let shown = try await console.waitFor(
                text: "Read-only key (role support): \(refusal.description) is not allowed")
            #expect(!showsDecisionDialog(shown), "\(label) opened a dialog:\n\(console.framed(shown))")
            try await Task.sleep(for: .milliseconds(300))
            let later = console.screen()
            #expect(!showsDecisionDialog(later), "\(label) opened a dialog late")
            #expect(queueRows(in: later).allSatisfy { !$0.marked }, "\(label) marked a row")
            #expect(firstReviewID(in: later) == firstRow)
        }

        // Tab does not complete a mutating command for this key.
        try await console.clearMessage()
        console.type(":appr")
        try await console.waitFor(text: ":appr▏")
        console.send("Tab")
        try await Task.sleep(for: .milliseconds(300))
        #expect(messageLine(console.screen()).hasPrefix(":appr▏"), "Tab completed :appr for a support key")
        console.send("Escape")
        try await console.waitFor("the command line to close") { !messageLine($0).hasPrefix(":") }

        // ? lists the pane's keys without approve, escalate, mark or undo.
        console.send("?")
        let help = try await console.waitFor("the help box") { !helpBoxLines(in: $0).isEmpty && $0.contains("any key closes") }
        let inside = helpBoxLines(in: help).joined(separator: "\n")
        for present in ["review queue", "sync now", "cycle the status filter", "quit"] {
            #expect(inside.contains(present), "help lacks \(present):\n\(inside)")
        }
        for absent in ["approve", "escalate", "mark the row", "undo"] {
            #expect(!inside.lowercased().contains(absent), "help for a support key lists \(absent):\n\(inside)")
        }
        console.send("Escape")
        try await console.waitFor("the help box to close") { helpBoxLines(in: $0).isEmpty }

        // The sandbox is exactly as it was, and stays so.
        let clock = ContinuousClock()
        let until = clock.now.advanced(by: .seconds(1))
        repeat {
            #expect(try await probe.reviewFingerprints() == before, "a support key changed the reviews")
            try await Task.sleep(for: .milliseconds(300))
        } while clock.now < until
        #expect(statusLine(console.screen()).contains("outbox 0"))

        let status = try await console.quit()
        #expect(status == 0)
    }

    // MARK: 8. Members: search and detail

    @Test("Members: / narrows the table to rows containing the text; Enter shows the member and a ledger that sums")
    func membersSearchAndDetail() async throws {
        let console = try TmuxConsole()
        defer { console.close() }
        let probe = SandboxProbe(info: try await SandboxInfo.load(from: console.infoPath))

        try await console.waitUntilLive()
        console.send("1")
        try await waitForHeader(console, ["Name", "Email", "Available"])
        let unfiltered = try await console.waitFor("member rows") { memberRows(in: $0).count >= 5 }
        let all = memberRows(in: unfiltered)

        // The search text: the last word (3+ characters) of the first member's name that has one,
        // lower-cased to exercise case-insensitivity, at most 6 characters.
        let words = all.lazy.compactMap { row in row.name.split(separator: " ").last { $0.count >= 3 } }
        let word = try #require(words.first, "no member name with a word of 3+ characters:\n\(unfiltered)")
        let term = String(word.prefix(6)).lowercased()
        try #require(all.contains { !$0.shows(term) }, "every visible row already shows \(term)")

        console.send("/")
        try await console.waitFor(text: "Filter members: /")
        console.type(term)
        let narrowed = try await console.waitFor("the table narrowed to rows showing \(term)") { screen in
            let rows = memberRows(in: screen)
            return messageLine(screen).contains("/\(term)▏") && !rows.isEmpty && rows.allSatisfy { $0.shows(term) }
        }
        var rows = memberRows(in: narrowed)
        #expect(rows.count < all.count || rows.map(\.id) != all.map(\.id))

        // The sandbox's own search (contract: name, email, externalRef or id, case-insensitive)
        // finds the same members, in id order.
        let expected = try await probe.members(matching: term).map(\.id)
        #expect(rows.map(\.id) == Array(expected.prefix(rows.count)), "shown \(rows.map(\.id)), sandbox \(expected)")
        #expect(rows.count == expected.count || rows.count >= 30, "shown \(rows.count) of \(expected.count) matches")

        console.send("Enter")  // ends the filter, keeps it
        let kept = try await console.waitFor(text: "Filter: \(term)")
        #expect(!messageLine(kept).contains("▏"))
        rows = memberRows(in: kept)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.shows(term) })
        let chosen = try #require(rows.first)

        console.send("Enter")  // the selected (first) row's member
        // Wait for the verdict on the fetched ledger: ✓. A ⚠ that stays is a product bug (the
        // wait fails with the screen); a ⚠ seen on the way is the reported transient one.
        var warningSeen: String?
        let detail = try await console.waitFor("\(chosen.id)'s detail with ✓ the ledger sums to", timeout: .seconds(30)) { screen in
            if warningSeen == nil, let line = screen.components(separatedBy: "\n").first(where: { $0.contains("⚠ the ledger sums to") }) {
                warningSeen = line
            }
            return screen.contains(chosen.id) && screen.contains(" Available ") && screen.contains("✓ the ledger sums to")
        }
        #expect(warningSeen == nil, "a ⚠ ledger line was shown before ✓: \(warningSeen ?? "")")
        let balanceLine = detail.components(separatedBy: "\n").first { $0.contains(" Available ") } ?? ""
        #expect(balanceLine.contains("Available \(chosen.available) ·"), "table says \(chosen.available): \(balanceLine)")
        #expect(balanceLine.contains("✓ the ledger sums to \(chosen.available), the available balance"), "\(balanceLine)")
        // It stays ✓.
        try await Task.sleep(for: .milliseconds(500))
        #expect(!console.screen().contains("⚠ the ledger sums to"), "⚠ after ✓:\n\(console.framed(console.lastScreen))")
        let member = try await probe.member(chosen.id)
        #expect(balanceLine.contains("Available \(grouped(member.pointsAvailable)) ·"),
                "sandbox says \(member.pointsAvailable): \(balanceLine)")
        #expect(screenLine(detail, 1).contains(chosen.id) && screenLine(detail, 2).contains(member.email),
                "detail header:\n\(screenLine(detail, 1))\n\(screenLine(detail, 2))")

        console.send("Escape")
        let back = try await console.waitFor("the filtered members table again") { screen in
            let rows = memberRows(in: screen)
            return !rows.isEmpty && rows.allSatisfy { $0.shows(term) } && messageLine(screen).contains("Filter: \(term)")
        }
        #expect(!back.contains("the ledger sums to"))

        let status = try await console.quit()
        #expect(status == 0)
    }
}
