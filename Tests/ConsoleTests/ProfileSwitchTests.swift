import Foundation
import Mirror
import RewardsContract
import Terminal
import Testing
@testable import Console

/// `:profile` and `:profile NAME`: what the update function decides, and the rules the
/// executable applies once it has read the config.
@Suite struct ProfileCommandTests {
    static let choices = ProfileChoices(configPath: "/home/op/.config/rewards-ops/config.toml", profiles: [
        ProfileChoice(name: "staging", expectedEnvironment: .test),
        ProfileChoice(name: "prod", expectedEnvironment: .live, readOnly: true),
        ProfileChoice(name: "dev"),
    ])

    /// The fixture console on profile staging, with the config's profiles known.
    func state() -> AppState {
        var state = Fixtures.state()
        state.profileName = "staging"
        _ = Update.update(&state, .profileChoicesLoaded(Self.choices))
        return state
    }

    /// Types `:` and `line`, then Enter.
    func command(_ state: inout AppState, _ line: String) -> [Command] {
        _ = Update.update(&state, .key(.char(":")))
        for character in line { _ = Update.update(&state, .key(.char(character))) }
        return Update.update(&state, .key(.enter))
    }

    @Test func profileAloneNamesThisOneAndListsTheOthers() {
        var state = state()
        #expect(command(&state, "profile").isEmpty)
        #expect(state.flash?.text == "Profile staging · :profile NAME switches to dev, prod (LIVE, read-only)")
        #expect(state.flash?.level == .info)
    }

    @Test func withoutAProfileTheListSaysHowTheConsoleConnected() {
        var state = state()
        state.profileName = nil
        _ = command(&state, "profile")
        #expect(state.flash?.text
                == "No profile (REWARDS_OPS_* variables) · :profile NAME switches to dev, prod (LIVE, read-only), staging")
    }

    @Test func theDemoHasNoProfilesAndSaysSo() {
        var state = Fixtures.state()
        #expect(state.profileChoices == nil)
        #expect(command(&state, "profile").isEmpty)
        #expect(state.flash?.text == Update.noProfilesText)
        #expect(command(&state, "profile prod").isEmpty)
        #expect(state.flash?.text == Update.noProfilesText)
        #expect(state.flash?.level == .warning)
        #expect(!state.quitRequested)
    }

    @Test func aNameAsksTheLoopToSwitchAndNothingEndsYet() {
        var state = state()
        #expect(command(&state, "profile prod") == [.switchProfile("prod")])
        #expect(state.flash?.text == "Switching to profile prod…")
        #expect(!state.quitRequested, "the session ends only once the profile has been checked")
    }

    @Test func aNameTheListDoesNotKnowStillGoesToTheLoop() {
        // The config may have gained a profile since the console started; the loop reads it again.
        var state = state()
        #expect(command(&state, "profile added-later") == [.switchProfile("added-later")])
    }

    @Test func theProfileInUseIsNotSwitchedTo() {
        var state = state()
        #expect(command(&state, "profile staging").isEmpty)
        #expect(state.flash?.text == "Already on profile staging")
    }

    @Test func decisionsInTheUndoWindowHoldTheSwitchUntilConfirmedWithABang() throws {
        var state = state()
        state.undoable = [try OutboxFixture.entry(objectId: "rev_001", state: "queued", baseVersion: 2)]
        #expect(command(&state, "profile prod").isEmpty)
        #expect(state.flash?.text == "1 decision unsent: they wait in staging's outbox. :profile! prod switches now")
        #expect(state.flash?.level == .warning)
        #expect(command(&state, "profile! prod") == [.switchProfile("prod")])
    }

    @Test func queuedDecisionsOfTheOutboxCountToo() {
        var state = state()
        state.counts.outboxPending = 3
        #expect(command(&state, "profile dev").isEmpty)
        #expect(state.flash?.text.hasPrefix("3 decisions unsent") == true)
    }

    @Test func aDecisionStillBeingWrittenHoldsEvenAForcedSwitch() {
        var state = state()
        state.queuing = ["rev_001"]
        #expect(command(&state, "profile! prod").isEmpty)
        #expect(state.flash?.text == "A decision is being written to the outbox; :profile again in a moment")
    }

    @Test func aRefusedProfileLeavesTheSessionAsItWas() {
        var state = state()
        state.reviews.list.selected = 1
        _ = command(&state, "profile prod")
        let before = (state.pane, state.reviews.list.selected, state.profileName)
        let reason = "/home/op/prod.secret: secret file has mode 0644; it must be readable by you alone (chmod 600 /home/op/prod.secret)"
        #expect(Update.update(&state, .profileSwitchRefused(name: "prod", reason: reason)).isEmpty)
        #expect(state.flash?.text == "Not switched to prod: " + reason)
        #expect(state.flash?.level == .error)
        #expect(!state.quitRequested)
        #expect(state.pane == before.0 && state.reviews.list.selected == before.1 && state.profileName == before.2)
    }

    @Test func anAcceptedProfileEndsThisSessionWithoutQuitting() throws {
        var state = state()
        let prod = try SessionFixtures.parts(profile: "prod")
        defer { SessionFixtures.cleanUp(prod) }
        #expect(Update.update(&state, .profileSwitchAccepted(name: "prod", next: prod)).isEmpty,
                "no .quit: the process goes on")
        #expect(state.quitRequested)
        #expect(state.nextSession?.profileName == "prod", "the session loop starts it next")
        #expect(state.flash?.text == "Switching to profile prod…")
    }

    @Test func theNewSessionSaysWhatThePreviousOneLeftInItsOutbox() {
        var state = state()
        state.profileName = "prod"
        _ = Update.update(&state, .profileSwitched(from: "staging", leftInOutbox: 2))
        #expect(state.flash?.text == "Profile prod · 2 unsent decisions wait in staging's outbox until it runs again")
        #expect(state.flash?.level == .warning)
        _ = Update.update(&state, .profileSwitched(from: nil, leftInOutbox: 1))
        #expect(state.flash?.text
                == "Profile prod · 1 unsent decision waits in the previous connection's outbox until it runs again")
        _ = Update.update(&state, .profileSwitched(from: "staging", leftInOutbox: 0))
        #expect(state.flash?.text == "Profile prod")
        #expect(state.flash?.level == .success)
    }

    @Test func tabCompletesTheCommandAndTheProfileNames() {
        var state = state()
        _ = Update.update(&state, .key(.char(":")))
        for character in "pro" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.tab))
        #expect(state.commandInput?.text == "profile")
        for character in " p" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.tab))
        #expect(state.commandInput?.text == "profile prod")
        #expect(Update.update(&state, .key(.enter)) == [.switchProfile("prod")])

        _ = Update.update(&state, .key(.char(":")))
        for character in "profile! " { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.tab))
        #expect(state.commandInput?.choices == ["profile! dev", "profile! prod", "profile! staging"], "several: listed")
        #expect(RootView.render(state).text().contains("dev      prod     staging"))
    }

    @Test func themeCompletionStillWorksBesideIt() {
        var state = state()
        state.themeNames = ["default", "light"]
        _ = Update.update(&state, .key(.char(":")))
        for character in "theme l" { _ = Update.update(&state, .key(.char(character))) }
        _ = Update.update(&state, .key(.tab))
        #expect(state.commandInput?.text == "theme light")
    }
}

/// The executable's decision on a checked profile, kept pure in `ProfileSwitchRules`.
@Suite struct ProfileSwitchRulesTests {
    struct ConfigProblem: Error, CustomStringConvertible {
        var description: String
    }

    let running = ProfileSwitchRules.Running(profileName: "staging", mirrorPath: "/data/rewards-ops/staging.sqlite")

    func requested(_ name: String = "prod", mirror: String = "/data/rewards-ops/prod.sqlite", profileTheme: String? = nil,
                   configTheme: String? = nil) -> Result<ProfileSwitchRules.Requested, any Error> {
        .success(ProfileSwitchRules.Requested(profileName: name, mirrorPath: mirror, profileTheme: profileTheme,
                                              configTheme: configTheme))
    }

    @Test func aProfileTheConfigCannotGiveIsRefusedWithItsReason() {
        let problem = ConfigProblem(description: "config.toml: no profile named \"prdo\" (profiles: prod, staging)")
        #expect(ProfileSwitchRules.verdict(running: running, resolved: .failure(problem), commandLineTheme: nil)
                == .refuse("config.toml: no profile named \"prdo\" (profiles: prod, staging)"))
    }

    @Test func twoProfilesNeverShareAMirror() {
        let verdict = ProfileSwitchRules.verdict(running: running, resolved: requested(mirror: running.mirrorPath),
                                                 commandLineTheme: nil)
        guard case .refuse(let reason) = verdict else {
            Issue.record("expected a refusal, got \(verdict)")
            return
        }
        #expect(reason.contains("REWARDS_OPS_MIRROR"))
    }

    @Test func theProfileInUseIsRefused() {
        #expect(ProfileSwitchRules.verdict(running: running, resolved: requested("staging", mirror: "/elsewhere.sqlite"),
                                           commandLineTheme: nil) == .refuse("it is the profile in use"))
    }

    @Test func aProfilesOwnThemeWinsThenTheCommandLineThenTheConfigs() {
        func theme(_ profile: String?, _ commandLine: String?, _ config: String?) -> ProfileSwitchRules.Verdict {
            ProfileSwitchRules.verdict(running: running, resolved: requested(profileTheme: profile, configTheme: config),
                                       commandLineTheme: commandLine)
        }
        #expect(theme("high-contrast", "light", "gruvbox-dark") == .start(theme: "high-contrast"))
        #expect(theme(nil, "light", "gruvbox-dark") == .start(theme: "light"))
        #expect(theme(nil, nil, "gruvbox-dark") == .start(theme: "gruvbox-dark"))
        #expect(theme(nil, nil, nil) == .start(theme: "default"))
    }

    @Test func aConsoleStartedFromVariablesMaySwitchToAProfile() {
        let fromVariables = ProfileSwitchRules.Running(profileName: nil, mirrorPath: "/data/rewards-ops/default.sqlite")
        #expect(ProfileSwitchRules.verdict(running: fromVariables, resolved: requested(), commandLineTheme: nil)
                == .start(theme: "default"))
    }
}

/// The effect runner carries `.switchProfile` out through the `ProfileOpener` the executable
/// lends the session; its answer comes back as a message.
@Suite struct ProfileSwitchRuntimeTests {
    func runtime(_ opener: SessionFixtures.Opener?) throws -> (ConsoleRuntime, SessionParts) {
        let parts = try SessionFixtures.parts(profile: "staging")
        let runtime = ConsoleRuntime(terminal: MemoryTerminal(columns: 100, rows: 30), parts: parts,
                                     services: SessionServices(profiles: opener))
        return (runtime, parts)
    }

    @Test func aProfileThatCannotRunIsRefusedAndTheLoopGoesOn() async throws {
        let opener = SessionFixtures.Opener(refusal: "the secret's environment variable RWOPS_PROD is not set")
        let (runtime, parts) = try runtime(opener)
        defer { SessionFixtures.cleanUp(parts) }
        runtime.type("profile prod")
        #expect(await runtime.step { $0.flash?.level == .error })
        #expect(opener.asked == ["prod"])
        #expect(runtime.state.flash?.text == "Not switched to prod: the secret's environment variable RWOPS_PROD is not set")
        #expect(!runtime.state.quitRequested)
    }

    @Test func aReadiedProfileEndsTheLoop() async throws {
        let dev = try SessionFixtures.parts(profile: "dev", mark: 2)
        defer { SessionFixtures.cleanUp(dev) }
        let (runtime, parts) = try runtime(SessionFixtures.Opener(ready: ["dev": dev]))
        defer { SessionFixtures.cleanUp(parts) }
        runtime.type("profile dev")
        #expect(await runtime.step { $0.quitRequested })
        #expect(runtime.state.nextSession?.mirrorPath == dev.mirrorPath)
        #expect(runtime.state.flash?.text == "Switching to profile dev…")
    }

    @Test func withoutASwitcherTheRuntimeRefuses() async throws {
        let (runtime, parts) = try runtime(nil)
        defer { SessionFixtures.cleanUp(parts) }
        runtime.type("profile dev")
        #expect(await runtime.step { $0.flash?.level == .error })
        #expect(runtime.state.flash?.text == "Not switched to dev: profiles cannot be switched here")
        #expect(!runtime.state.quitRequested)
    }
}
