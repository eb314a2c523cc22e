/// `$XDG_CONFIG_HOME/rewards-ops/config.toml`: named profiles, the default one, the theme
/// and key overrides.
public struct ConsoleConfig: Sendable, Hashable {
    public var path: String
    public var defaultProfile: String?
    public var theme: String?
    /// Action name (as in `:` commands and the help) → key spec ("A", "ctrl-x", "space", "f5").
    public var keys: [String: String]
    public var profiles: [String: Profile]

    public init(path: String, defaultProfile: String? = nil, theme: String? = nil, keys: [String: String] = [:],
                profiles: [String: Profile] = [:]) {
        self.path = path; self.defaultProfile = defaultProfile; self.theme = theme; self.keys = keys
        self.profiles = profiles
    }

    /// The profile to use: the one named, else the default one. Nil when neither exists.
    public func profile(named name: String?) throws -> Profile? {
        if let name {
            guard let profile = profiles[name] else {
                let known = profiles.keys.sorted().joined(separator: ", ")
                throw ConfigError.unknownProfile(file: path, name: name, known: known.isEmpty ? "none" : known)
            }
            return profile
        }
        if let name = defaultProfile {
            guard let profile = profiles[name] else {
                throw ConfigError.invalid(file: path, line: nil, key: "default_profile",
                                          message: "names a profile \"\(name)\" that is not defined")
            }
            return profile
        }
        return nil
    }
}

/// One platform connection.
public struct Profile: Sendable, Hashable {
    public var name: String
    public var baseURL: String
    public var keyId: String
    public var secret: SecretSource
    /// The environment the key must be for ("test" or "live"), checked against `/v1/me`.
    public var expectedEnvironment: String?
    public var readOnly: Bool
    public var theme: String?

    public init(name: String, baseURL: String, keyId: String, secret: SecretSource, expectedEnvironment: String? = nil,
                readOnly: Bool = false, theme: String? = nil) {
        self.name = name; self.baseURL = baseURL; self.keyId = keyId; self.secret = secret
        self.expectedEnvironment = expectedEnvironment; self.readOnly = readOnly; self.theme = theme
    }
}

/// Where a profile's secret comes from. Never the config file itself.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    case environment(String)
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): return "environment variable \(name)"
        case .file(let path): return "file \(path)"
        }
    }
}
