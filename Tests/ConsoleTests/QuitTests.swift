import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// Quitting never loses a decision: `q` asks when some are not sent (send now and wait, leave
/// them queued, or stay); Ctrl-C and a hangup end at once, but not before a confirmed decision
/// is in the outbox.
@Suite struct QuitTests {
    func send(_ state: inout AppState, _ keys: Key...) -> [Command] {
        keys.flatMap { Update.update(&state, .key($0)) }
    }

    /// A console with one approval confirmed and written, inside its undo window.
    func stateWithDecisionInItsWindow() throws -> AppState {
        var state = Fixtures.state()
        _ = send(&state, .char("a"), .char("y"))
        let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2,
                                            sendAfter: Fixtures.now.addingTimeInterval(5))
        _ = Update.update(&state, .actionQueued(entry))
        return state
    }

    @Test func qWithADecisionInItsUndoWindowAsks() throws {
        var state = try stateWithDecisionInItsWindow()
        #expect(send(&state, .char("q")) == [.checkOutbox])
        #expect(!state.quitRequested)
        let dialog = try #require(state.quitDialog)
        #expect(dialog.unsent == 1 && dialog.inUndoWindow == 1)
        let text = flat(RootView.render(state).text())
        #expect(text.contains("Quit? 1 decision not sent"))
        #expect(text.contains("1 decision not sent yet (1 still in the undo window)."))
        #expect(text.contains("s send now and wait for the answers (at most 30 s)"))
        #expect(text.contains("l leave them queued and quit: they are sent the next time `rewards-ops console` or `rewards-ops sync` runs with these REWARDS_OPS_* settings"))
        #expect(text.contains("Esc cancel: back to the console"))
    }

    /// The status line counts the decision in its undo window at once, as the quit dialog does.
    @Test func theStatusLineCountsADecisionInItsUndoWindow() throws {
        let state = try stateWithDecisionInItsWindow()
        #expect(state.counts.outboxPending == 0, "the mirror's count has not caught up")
        let status = RootView.render(state).lines().last ?? ""
        #expect(status.contains("outbox 1"), "status line: \(status)")
    }

    @Test func escStaysAndNothingIsDropped() throws {
        var state = try stateWithDecisionInItsWindow()
        _ = send(&state, .char("q"))
        #expect(send(&state, .escape).isEmpty)
        #expect(state.quitDialog == nil && !state.quitRequested)
        #expect(state.undoable.count == 1, "still undoable")
        #expect(send(&state, .char("u")) == [.cancelQueued([state.outbox["rev_001"]?.seq ?? -1])])
    }

    @Test func leavingThemQueuedQuitsAndSaysWhereTheyGo() throws {
        var state = try stateWithDecisionInItsWindow()
        state.profileName = "staging"
        _ = send(&state, .char("q"))
        #expect(send(&state, .char("l")) == [.quit])
        #expect(state.quitRequested)
        #expect(state.exitNote == "1 decision left queued in the outbox: sent the next time `rewards-ops console` or `rewards-ops sync` runs with profile staging.")
    }

    @Test func inTheDemoLeavingSaysTheDemoSendsThem() throws {
        var state = try stateWithDecisionInItsWindow()
        state.outboxOutlivesSession = false
        _ = send(&state, .char("q"))
        #expect(flat(RootView.render(state).text()).contains("l quit now: the demo sends them before its sandbox stops"))
        _ = send(&state, .char("l"))
        #expect(state.exitNote == "1 decision not sent yet: the demo sends them before its sandbox stops.")
    }

    @Test func sendingNowCutsTheUndoWindowAndQuitsOnceNothingIsLeft() throws {
        var state = try stateWithDecisionInItsWindow()
        _ = send(&state, .char("q"))
        #expect(send(&state, .char("s")) == [.sendOutboxNow])
        #expect(state.undoable.isEmpty, "u can no longer take it back")
        #expect(Update.update(&state, .outboxChecked(pending: 1)).isEmpty)
        #expect(RootView.render(state).text().contains("0 answered, 1 to go (30 s left)"))
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.6))) == [.checkOutbox])
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(0.8))).isEmpty, "at most every half second")
        var delivered = try #require(state.outbox["rev_001"])
        delivered.state = .delivered
        _ = Update.update(&state, .sync(.outboxDelivered(delivered)))
        #expect(state.quitDialog?.answers == 1)
        #expect(Update.update(&state, .outboxChecked(pending: 0)) == [.quit])
        #expect(state.quitRequested)
        #expect(state.exitNote == "Sent 1 decision before quitting.")
    }

    @Test func waitingToSendIsBounded() throws {
        var state = try stateWithDecisionInItsWindow()
        state.profileName = "staging"
        _ = send(&state, .char("q"), .char("s"))
        _ = Update.update(&state, .outboxChecked(pending: 1))
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(31))) == [.quit])
        #expect(state.exitNote?.hasPrefix("No answer within 30 s. 1 decision left queued in the outbox") == true)
    }

    @Test func qWithNothingUnsentQuitsAtOnce() {
        var state = Fixtures.state()
        #expect(send(&state, .char("q")) == [.quit])
        #expect(state.exitNote == nil)
    }

    @Test func aCountAMomentOldIsCheckedBeforeAsking() {
        var state = Fixtures.state()
        state.counts.outboxPending = 1  // answered since the count was read
        #expect(send(&state, .char("q")) == [.checkOutbox])
        #expect(state.quitDialog != nil && !state.quitRequested)
        #expect(Update.update(&state, .outboxChecked(pending: 0)) == [.quit])
        #expect(state.quitRequested && state.exitNote == nil)
        state = Fixtures.state()
        state.counts.outboxPending = 2
        _ = send(&state, .char("q"))
        #expect(Update.update(&state, .outboxChecked(pending: 3)).isEmpty)
        #expect(state.quitDialog?.unsent == 3)
    }

    @Test func ctrlCWaitsForAConfirmedDecisionsOutboxWriteThenQuits() throws {
        for key in [Key.ctrl("c"), .hangup] {
            var state = Fixtures.state()
            _ = send(&state, .char("a"), .char("y"))
            #expect(state.queuing == ["rev_001"])
            #expect(send(&state, key).isEmpty, "the write is under way: \(key) waits for it")
            #expect(!state.quitRequested)
            let entry = try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2,
                                                sendAfter: Fixtures.now.addingTimeInterval(5))
            #expect(Update.update(&state, .actionQueued(entry)) == [.quit])
            #expect(state.quitRequested)
            #expect(state.exitNote?.hasPrefix("1 decision left queued in the outbox") == true)
        }
    }

    @Test func ctrlCsWaitForTheWriteIsBounded() {
        var state = Fixtures.state()
        _ = send(&state, .char("a"), .char("y"), .ctrl("c"))
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(1))).allSatisfy { $0 != .quit })
        #expect(Update.update(&state, .tick(Fixtures.now.addingTimeInterval(3.5))) == [.quit])
    }

    @Test func ctrlCWithADecisionInTheOutboxQuitsAndSaysItIsKept() throws {
        var state = try stateWithDecisionInItsWindow()
        _ = send(&state, .char("q"))  // the dialog is open: Ctrl-C ends from it too
        #expect(send(&state, .ctrl("c")) == [.quit])
        #expect(state.quitDialog == nil)
        #expect(state.exitNote?.hasPrefix("1 decision left queued in the outbox") == true)
    }
}

extension QuitTests {
    @Test func aDecisionAnsweredAfterItsWindowIsNotUnsent() throws {
        var state = try stateWithDecisionInItsWindow()
        _ = Update.update(&state, .tick(Fixtures.now.addingTimeInterval(6)))
        var failed = try #require(state.outbox["rev_001"])
        failed.state = .failed
        failed.errorCode = "version_conflict"
        _ = Update.update(&state, .sync(.outboxFailed(failed)))
        #expect(Update.update(&state, .key(.char("q"))) == [.quit])
        #expect(state.exitNote == nil)
    }

    /// The console's clock runs a tick behind the engine's (more on a starved machine): an
    /// answer that arrives before the clock has passed the window still ends the wait, so `q`
    /// does not ask about a decision already applied.
    @Test func aDecisionAnsweredBeforeTheClockPassesItsWindowIsNotUnsent() throws {
        var state = try stateWithDecisionInItsWindow()
        var delivered = try #require(state.outbox["rev_001"])
        delivered.state = .delivered
        delivered.resultVersion = 3
        _ = Update.update(&state, .sync(.outboxDelivered(delivered)))
        #expect(state.undoable.isEmpty)
        #expect(Update.update(&state, .key(.char("q"))) == [.quit])
        #expect(state.quitDialog == nil)
    }
}
