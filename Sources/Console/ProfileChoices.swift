import RewardsContract

/// One profile of the config file, as `:profile` lists it: enough to tell a LIVE or read-only
/// profile apart before switching to it.
public struct ProfileChoice: Sendable, Hashable {
    public var name: String
    /// The environment the profile expects its key to be for, when it says.
    public var expectedEnvironment: Environment?
    public var readOnly: Bool

    public init(name: String, expectedEnvironment: Environment? = nil, readOnly: Bool = false) {
        self.name = name; self.expectedEnvironment = expectedEnvironment; self.readOnly = readOnly
    }

    /// `prod (LIVE, read-only)`, `staging`.
    var label: String {
        var notes: [String] = []
        if expectedEnvironment == .live { notes.append("LIVE") }
        if readOnly { notes.append("read-only") }
        return notes.isEmpty ? name : "\(name) (\(notes.joined(separator: ", ")))"
    }
}

/// The profiles `:profile` can switch to: those of the config file, by name.
public struct ProfileChoices: Sendable, Hashable {
    public var configPath: String
    public var profiles: [ProfileChoice]

    public init(configPath: String, profiles: [ProfileChoice]) {
        self.configPath = configPath
        self.profiles = profiles.sorted { $0.name < $1.name }
    }

    public var names: [String] { profiles.map(\.name) }
}
