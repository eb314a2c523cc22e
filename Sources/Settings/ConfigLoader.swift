import Foundation
import TOMLHeaderCheck
import TOMLKit

/// Reads and validates the configuration file.
public enum ConfigLoader {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configDirectory(environment: environment) + "/config.toml"
    }

    public static func configDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/rewards-ops" }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.config/rewards-ops"
    }

    /// The configuration at `path`; an absent file is an empty configuration.
    public static func load(path: String) throws -> ConsoleConfig {
        guard FileManager.default.fileExists(atPath: path) else { return ConsoleConfig(path: path) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError.unreadable(file: path, reason: "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ConsoleConfig {
        if let bad = TableHeaderCheck.firstNamelessHeader(in: text) {
            throw ConfigError.syntax(file: path, line: bad.line, column: bad.column,
                                     message: "a table header needs a name: [name] or [[name]]")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError.syntax(file: path, line: error.source.begin.line, column: error.source.begin.column,
                                     message: error.description)
        } catch {
            throw ConfigError.unreadable(file: path, reason: "\(error)")
        }
        let lines = LineFinder(text: text)
        var config = ConsoleConfig(path: path)
        for key in table.keys {
            switch key {
            case "default_profile":
                config.defaultProfile = try string(table, key, path: path, lines: lines, section: nil)
            case "theme":
                config.theme = try string(table, key, path: path, lines: lines, section: nil)
            case "keys":
                guard let keys = table[key]?.table else {
                    throw ConfigError.invalid(file: path, line: lines.line(of: key, in: nil), key: key,
                                              message: "must be a table of action = \"key\"")
                }
                for action in keys.keys {
                    config.keys[action] = try string(keys, action, path: path, lines: lines, section: "keys")
                }
            case "profiles":
                guard let profiles = table[key]?.table else {
                    throw ConfigError.invalid(file: path, line: lines.line(of: key, in: nil), key: key,
                                              message: "must be a table of [profiles.NAME] sections")
                }
                for name in profiles.keys {
                    guard let section = profiles[name]?.table else {
                        throw ConfigError.invalid(file: path, line: lines.line(of: name, in: "profiles"), key: "profiles.\(name)",
                                                  message: "must be a [profiles.\(name)] section")
                    }
                    config.profiles[name] = try profile(name, section, path: path, lines: lines)
                }
            default:
                throw ConfigError.invalid(file: path, line: lines.line(of: key, in: nil), key: key,
                                          message: "is not a known setting (default_profile, theme, keys, profiles)")
            }
        }
        return config
    }

    static func profile(_ name: String, _ table: TOMLTable, path: String, lines: LineFinder) throws -> Profile {
        let section = "profiles.\(name)"
        func required(_ key: String) throws -> String {
            guard table[key] != nil else {
                throw ConfigError.invalid(file: path, line: lines.sectionLine(section), key: "\(section).\(key)",
                                          message: "is missing")
            }
            return try string(table, key, path: path, lines: lines, section: section)
        }
        let known: Set<String> = ["base_url", "key_id", "secret_env", "secret_file", "environment", "read_only", "theme"]
        for key in table.keys where !known.contains(key) {
            throw ConfigError.invalid(file: path, line: lines.line(of: key, in: section), key: "\(section).\(key)",
                                      message: "is not a profile setting (\(known.sorted().joined(separator: ", ")))")
        }
        let baseURL = try required("base_url")
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ConfigError.invalid(file: path, line: lines.line(of: "base_url", in: section), key: "\(section).base_url",
                                      message: "must be an http(s) URL, not \"\(baseURL)\"")
        }
        let keyId = try required("key_id")
        let secret: SecretSource
        switch (table["secret_env"], table["secret_file"]) {
        case (.some, .none): secret = .environment(try string(table, "secret_env", path: path, lines: lines, section: section))
        case (.none, .some): secret = .file(try string(table, "secret_file", path: path, lines: lines, section: section))
        case (.some, .some):
            throw ConfigError.invalid(file: path, line: lines.line(of: "secret_file", in: section), key: section,
                                      message: "has both secret_env and secret_file; keep one")
        case (.none, .none):
            throw ConfigError.invalid(file: path, line: lines.sectionLine(section), key: section,
                                      message: "needs secret_env (an environment variable's name) or secret_file (a 0600 file); the secret itself never goes in this file")
        }
        var environment: String?
        if table["environment"] != nil {
            let value = try string(table, "environment", path: path, lines: lines, section: section)
            guard ["test", "live"].contains(value) else {
                throw ConfigError.invalid(file: path, line: lines.line(of: "environment", in: section),
                                          key: "\(section).environment", message: "must be \"test\" or \"live\", not \"\(value)\"")
            }
            environment = value
        }
        var readOnly = false
        if let value = table["read_only"] {
            guard let flag = value.bool else {
                throw ConfigError.invalid(file: path, line: lines.line(of: "read_only", in: section),
                                          key: "\(section).read_only", message: "must be true or false")
            }
            readOnly = flag
        }
        let theme = table["theme"] == nil ? nil : try string(table, "theme", path: path, lines: lines, section: section)
        return Profile(name: name, baseURL: baseURL, keyId: keyId, secret: secret, expectedEnvironment: environment,
                       readOnly: readOnly, theme: theme)
    }

    static func string(_ table: TOMLTable, _ key: String, path: String, lines: LineFinder, section: String?) throws -> String {
        guard let value = table[key]?.string else {
            let name = section.map { "\($0).\(key)" } ?? key
            throw ConfigError.invalid(file: path, line: lines.line(of: key, in: section), key: name, message: "must be a string")
        }
        return value
    }
}

/// Finds the line of a key in the raw text: TOMLKit reports positions for syntax errors
/// only, and a message about a wrong value is much more useful with its line.
struct LineFinder {
    let lines: [Substring]

    init(text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    func sectionLine(_ section: String) -> Int? {
        lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "[\(section)]" }.map { $0 + 1 }
    }

    func line(of key: String, in section: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard current == section else { continue }
            let name = line.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) }
            if name == key || name == "\"\(key)\"" { return index + 1 }
        }
        if let section, let dotted = sectionLine("\(section).\(key)") { return dotted }
        return nil
    }
}
