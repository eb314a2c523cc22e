import ArgumentParser
import Foundation
import Mirror
import RewardsClient

/// The connection a subcommand takes from the environment (secrets never come from argv).
struct ConnectionSettings {
    var credentials: Credentials
    var mirrorPath: String

    static let baseURLVariable = "REWARDS_OPS_BASE_URL"
    static let keyIdVariable = "REWARDS_OPS_KEY_ID"
    static let secretVariable = "REWARDS_OPS_KEY_SECRET"
    static let mirrorVariable = "REWARDS_OPS_MIRROR"

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ConnectionSettings {
        let missing = [baseURLVariable, keyIdVariable, secretVariable].filter { (environment[$0] ?? "").isEmpty }
        if !missing.isEmpty {
            throw CommandError("""
                Missing \(missing.joined(separator: ", ")) in the environment.
                Set REWARDS_OPS_BASE_URL, REWARDS_OPS_KEY_ID and REWARDS_OPS_KEY_SECRET, \
                or try `rewards-ops demo`, which needs no account.
                """)
        }
        let baseURL = environment[baseURLVariable] ?? ""
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw CommandError("\(baseURLVariable) is not an http(s) URL: \(baseURL)")
        }
        let keyId = environment[keyIdVariable] ?? ""
        let mirrorPath = environment[mirrorVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? MirrorStore.defaultPath(environment: environment)
        return ConnectionSettings(credentials: Credentials(baseURL: baseURL, keyId: keyId,
                                                           secret: environment[secretVariable] ?? ""),
                                  mirrorPath: mirrorPath)
    }
}
