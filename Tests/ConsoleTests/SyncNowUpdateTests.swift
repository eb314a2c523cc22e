import Foundation
import Mirror
import Terminal
import Testing
@testable import Console

/// `r` asks the engine to sync at once; the message line then says how long the round trip
/// took, or why it failed.
@Suite struct SyncNowUpdateTests {
    @Test func rAsksForASyncAndItsRoundTripShows() {
        var state = Fixtures.state()
        #expect(Update.update(&state, .key(.char("r"))) == [.syncNow])
        #expect(state.flash?.text == "Syncing…")
        _ = Update.update(&state, .syncNowFinished(SyncNowOutcome(milliseconds: 84, applied: 3)))
        #expect(state.flash == Flash(text: "Synced in 84 ms · 3 changes", level: .success, at: Fixtures.now))
        #expect(state.needsRefresh)
        #expect(RootView.render(state).lines()[22].hasPrefix("Synced in 84 ms · 3 changes"))
    }

    @Test func aFailureSaysWhyAndHowLongItTook() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char("r")))
        _ = Update.update(&state, .syncNowFinished(SyncNowOutcome(milliseconds: 1_249,
                                                                  error: "transport_error: connection refused")))
        #expect(state.flash?.text == "Sync failed after 1.2 s: transport_error: connection refused")
        #expect(state.flash?.level == .error)
    }

    @Test func nothingNewIsSaidPlainly() {
        #expect(SyncNowOutcome(milliseconds: 7).text == "Synced in 7 ms · nothing new")
        #expect(SyncNowOutcome(milliseconds: 12_000, applied: 1).text == "Synced in 12.0 s · 1 change")
        #expect(SyncNowOutcome(milliseconds: 999, applied: 1_500).text == "Synced in 999 ms · 1,500 changes")
    }

    @Test func aSyncTheConsoleAskedForItselfOnlyRefreshes() {
        var state = Fixtures.state()
        state.flash = Flash(text: "approve rev_001 failed: version_conflict", level: .error, at: Fixtures.now)
        _ = Update.update(&state, .syncNowFinished(SyncNowOutcome(milliseconds: 20)))
        #expect(state.flash?.text == "approve rev_001 failed: version_conflict", "the refusal stays in view")
        #expect(state.needsRefresh)
    }

    @Test func theSyncCommandDoesTheSame() {
        var state = Fixtures.state()
        _ = Update.update(&state, .key(.char(":")))
        for character in "sync" { _ = Update.update(&state, .key(.char(character))) }
        #expect(Update.update(&state, .key(.enter)) == [.syncNow])
        _ = Update.update(&state, .syncNowFinished(SyncNowOutcome(milliseconds: 84)))
        #expect(state.flash?.text == "Synced in 84 ms · nothing new")
    }

    @Test func withoutAnEngineTheRunnerSaysThereIsNoConnection() async throws {
        let mirror = try MirrorStore(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("rwops-syncnow-\(UUID().uuidString).sqlite").path)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: mirror.path + suffix) } }
        let runner = EffectRunner(mirror: mirror, engine: nil, terminal: NoTerminal())
        guard case .syncNowFinished(let outcome)? = await runner.run(.syncNow) else {
            Issue.record("expected the sync's outcome"); return
        }
        #expect(outcome.error == "no connection to the platform")
    }

    struct NoTerminal: TerminalEffects {
        func writeRaw(_ bytes: String) async {}
        func apply(palette: TerminalPalette) async {}
    }
}
