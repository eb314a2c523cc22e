/// What happens on `:profile NAME` once the executable has read the config: refuse, and this
/// session goes on untouched, or start the profile with a given theme. Pure, so the rules are
/// tested without a terminal, a config file or a platform.
public enum ProfileSwitchRules {
    /// The session that is running.
    public struct Running: Sendable, Hashable {
        public var profileName: String?
        public var mirrorPath: String

        public init(profileName: String?, mirrorPath: String) {
            self.profileName = profileName; self.mirrorPath = mirrorPath
        }
    }

    /// The requested profile, as the config file resolves it now.
    public struct Requested: Sendable, Hashable {
        public var profileName: String
        public var mirrorPath: String
        /// The profile's own `theme`.
        public var profileTheme: String?
        /// The config file's top-level `theme`.
        public var configTheme: String?

        public init(profileName: String, mirrorPath: String, profileTheme: String? = nil, configTheme: String? = nil) {
            self.profileName = profileName; self.mirrorPath = mirrorPath
            self.profileTheme = profileTheme; self.configTheme = configTheme
        }
    }

    public enum Verdict: Sendable, Hashable {
        case refuse(String)
        case start(theme: String)
    }

    /// - Parameter resolved: the profile, or why the config cannot give it (unknown name, a
    ///   secret missing or readable by others, a syntax error since the console started).
    /// - Parameter commandLineTheme: `--theme`, given for the first profile.
    public static func verdict(running: Running, resolved: Result<Requested, any Error>,
                               commandLineTheme: String?) -> Verdict {
        let requested: Requested
        switch resolved {
        case .failure(let error): return .refuse("\(error)")
        case .success(let value): requested = value
        }
        if requested.profileName == running.profileName { return .refuse("it is the profile in use") }
        // Two profiles in one mirror would mix two clubs' rows and outboxes. Only
        // REWARDS_OPS_MIRROR, which overrides every profile's own file, can cause it.
        if requested.mirrorPath == running.mirrorPath {
            return .refuse("REWARDS_OPS_MIRROR is set: profiles would share a mirror")
        }
        // A profile's own theme is what makes it recognisable (a LIVE one in high contrast), so
        // it wins over --theme, which was chosen for the first profile; --theme still wins over
        // the config's general theme, as it did at start.
        return .start(theme: requested.profileTheme ?? commandLineTheme ?? requested.configTheme ?? "default")
    }
}
