import Foundation

/// Reads a profile's secret from where the profile says, never from argv or the config.
public enum SecretReader {
    public static func read(_ source: SecretSource, profile: String,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        switch source {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ConfigError.secretMissing(source: source.description, profile: profile)
            }
            return value
        case .file(let rawPath):
            let path = (rawPath as NSString).expandingTildeInPath
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: path)
            } catch {
                throw ConfigError.secretMissing(source: source.description, profile: profile)
            }
            // Like ssh with private keys: a secret others can read is refused, not used.
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
            if mode & 0o077 != 0 {
                throw ConfigError.secretFileTooOpen(path: path, mode: String(format: "%04o", mode))
            }
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !text.isEmpty else {
                throw ConfigError.secretMissing(source: source.description, profile: profile)
            }
            return text
        }
    }
}
