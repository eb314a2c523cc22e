import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// The session loop and the session's work, driven without a terminal: a profile switch is a
/// message, the loop ends one session and starts the next on the same terminal.
@Suite struct SessionLoopTests {
    struct Outcome: Sendable {
        var state: AppState
        var appliedPalettes: [TerminalPalette?]
        var missedCues: [String]
    }

    func runLoop(_ first: SessionParts, services: SessionServices, script: [ScriptedTerminal.Step]) async -> Outcome {
        await onOwnThread {
            let terminal = ScriptedTerminal(script: script)
            let state = SessionLoop(terminal: terminal, services: services).run(first)
            return Outcome(state: state, appliedPalettes: terminal.appliedPalettes, missedCues: terminal.missedCues)
        }
    }

    @Test func aProfileSwitchEndsTheSessionAndStartsTheNextOnTheSameTerminal() async throws {
        let staging = try SessionFixtures.parts(profile: "staging", mark: 1)
        let dev = try SessionFixtures.parts(profile: "dev", mark: 2)
        defer { SessionFixtures.cleanUp(staging); SessionFixtures.cleanUp(dev) }
        // A decision still in staging's outbox: the switch needs the `!`, and the next session says where it waits.
        _ = try staging.mirror.enqueueAction(subject: .review, objectId: "rev_001", verb: .approve,
                                             body: ActionRequest(expectedVersion: 2).encodedBody(), baseVersion: 2,
                                             note: nil, idempotencyKey: "key-rev_001", sendAfter: .distantFuture)
        let opener = SessionFixtures.Opener(ready: ["dev": dev])
        let script = [ScriptedTerminal.Step(cue: "outbox 1", key: .char(":"))]
            + ScriptedTerminal.typing("profile! dev", after: nil)
            + [ScriptedTerminal.Step(cue: nil, key: .enter), ScriptedTerminal.Step(cue: "Profile dev", key: .char("q"))]
        let outcome = await runLoop(staging, services: SessionServices(profiles: opener), script: script)
        #expect(outcome.missedCues.isEmpty)
        #expect(opener.asked == ["dev"])
        #expect(outcome.state.profileName == "dev")
        #expect(outcome.state.flash?.text == "Profile dev · 1 unsent decision waits in staging's outbox until it runs again")
        #expect(outcome.state.nextSession == nil, "q ends the last session without a successor")
        #expect(outcome.appliedPalettes == [dev.palette], "the new profile's theme, on the same terminal")
        #expect(try staging.mirror.pendingOutboxCount() == 1, "the unsent decision stays in its profile's outbox")
    }

    @Test func aRefusedSwitchLeavesTheSessionRunning() async throws {
        let staging = try SessionFixtures.parts(profile: "staging")
        defer { SessionFixtures.cleanUp(staging) }
        let opener = SessionFixtures.Opener(refusal: "no such profile (profiles: dev, prod, staging)")
        let script = ScriptedTerminal.typing(":profile nope", after: "Review queue")
            + [ScriptedTerminal.Step(cue: nil, key: .enter), ScriptedTerminal.Step(cue: "Not switched", key: .char("q"))]
        let outcome = await runLoop(staging, services: SessionServices(profiles: opener), script: script)
        #expect(outcome.missedCues.isEmpty)
        #expect(outcome.state.profileName == "staging")
        #expect(outcome.state.flash?.text == "Not switched to nope: no such profile (profiles: dev, prod, staging)")
        #expect(outcome.appliedPalettes.isEmpty)
    }

    @Test func endingTheSessionCancelsItsWork() async {
        let work = SessionWork()
        let started = AsyncStream.makeStream(of: Void.self)
        let cancelled = AsyncStream.makeStream(of: Bool.self)
        work.add {
            started.continuation.yield()
            try? await Task.sleep(nanoseconds: 60_000_000_000)
            cancelled.continuation.yield(Task.isCancelled)
        }
        for await _ in started.stream { break }
        let stopped = await onOwnThread { work.end(waitingAtMost: 60) }  // a bound, not a timing
        #expect(stopped, "a cancelled sleep ends at once")
        var sawCancellation = false
        for await value in cancelled.stream {
            sawCancellation = value
            break
        }
        #expect(sawCancellation)
    }
}
