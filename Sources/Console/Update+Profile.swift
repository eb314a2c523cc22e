import Foundation

/// `:profile` and `:profile NAME`: list the config's profiles, or end this session for
/// another one. The profile itself is checked by the executable (it reads the config and the
/// secret); here are only the rules that need nothing but the state.
extension Update {
    static let noProfilesText = "The demo has no profiles (rewards-ops console reads them from config.toml)"

    /// `:profile`: where we are and where we could go.
    static func describeProfiles(_ state: inout AppState) -> [Command] {
        guard let choices = state.profileChoices else {
            state.flash = Flash(text: noProfilesText, level: .info, at: state.now)
            return []
        }
        let here = state.profileName.map { "Profile \($0)" } ?? "No profile (REWARDS_OPS_* variables)"
        let others = choices.profiles.filter { $0.name != state.profileName }
        let text = others.isEmpty
            ? "\(here) · no other profile in \(choices.configPath)"
            : "\(here) · :profile NAME switches to \(others.map(\.label).joined(separator: ", "))"
        state.flash = Flash(text: text, level: .info, at: state.now)
        return []
    }

    /// `:profile NAME` (`force`: `:profile! NAME`). Unsent decisions are never dropped: they
    /// stay in this profile's outbox and go out the next time it runs, which the operator is
    /// told before anything ends, and must confirm with the `!`.
    static func requestProfileSwitch(_ state: inout AppState, to name: String, force: Bool) -> [Command] {
        guard state.profileChoices != nil else {
            state.flash = Flash(text: noProfilesText, level: .warning, at: state.now)
            return []
        }
        if name == state.profileName {
            state.flash = Flash(text: "Already on profile \(name)", level: .info, at: state.now)
            return []
        }
        // A confirmed decision whose outbox row is still being written would be lost to `u`
        // and unannounced: wait for the write, it takes milliseconds.
        if !state.queuing.isEmpty {
            state.flash = Flash(text: "A decision is being written to the outbox; :profile again in a moment",
                                level: .warning, at: state.now)
            return []
        }
        let unsent = max(state.undoable.count, state.counts.outboxPending)
        if unsent > 0 && !force {
            let noun = unsent == 1 ? "decision" : "decisions"
            let owner = outboxOwner(state.profileName, otherwise: "this connection's")
            state.flash = Flash(text: "\(unsent) \(noun) unsent: they wait in \(owner) outbox. :profile! \(name) switches now",
                                level: .warning, at: state.now)
            return []
        }
        state.flash = Flash(text: "Switching to profile \(name)…", level: .info, at: state.now)
        return [.switchProfile(name)]
    }

    static func profileSwitchRefused(_ state: inout AppState, name: String, reason: String) -> [Command] {
        state.flash = Flash(text: "Not switched to \(name): \(reason)", level: .error, at: state.now)
        return []
    }

    /// The profile is ready: this session ends (the sync stops, unsent decisions stay in the
    /// mirror) and `SessionLoop` starts the next one on the same terminal.
    static func profileSwitchAccepted(_ state: inout AppState, name: String, next: SessionParts) -> [Command] {
        state.dialog = nil
        state.flash = Flash(text: "Switching to profile \(name)…", level: .info, at: state.now)
        state.nextSession = next
        state.quitRequested = true
        return []
    }

    static func profileSwitched(_ state: inout AppState, from previous: String?, leftInOutbox: Int) -> [Command] {
        let here = "Profile \(state.profileName ?? "?")"
        guard leftInOutbox > 0 else {
            state.flash = Flash(text: here, level: .success, at: state.now)
            return []
        }
        let noun = leftInOutbox == 1 ? "decision waits" : "decisions wait"
        let owner = outboxOwner(previous, otherwise: "the previous connection's")
        state.flash = Flash(text: "\(here) · \(leftInOutbox) unsent \(noun) in \(owner) outbox until it runs again",
                            level: .warning, at: state.now)
        return []
    }

    /// `staging's`, or `otherwise` for a connection made without a profile.
    static func outboxOwner(_ profile: String?, otherwise: String) -> String {
        profile.map { "\($0)'s" } ?? otherwise
    }
}
