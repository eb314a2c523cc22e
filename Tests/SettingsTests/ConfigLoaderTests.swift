import Foundation
@testable import Settings
import TOMLHeaderCheck
import Testing

@Suite struct ConfigLoaderTests {
    let path = "/home/op/.config/rewards-ops/config.toml"

    @Test func aFullConfigurationParses() throws {
        let config = try ConfigLoader.parse("""
            default_profile = "staging"
            theme = "gruvbox"

            [keys]
            approve = "A"

            [profiles.staging]
            base_url = "https://staging.example.com"
            key_id = "mr_test_abcdefghijklmnopqrstuvwx"
            secret_env = "RWOPS_STAGING_SECRET"
            environment = "test"

            [profiles.prod]
            base_url = "https://api.example.com"
            key_id = "mr_live_abcdefghijklmnopqrstuvwx"
            secret_file = "~/.config/rewards-ops/prod.secret"
            environment = "live"
            read_only = true
            theme = "high-contrast"
            """, path: path)
        #expect(config.defaultProfile == "staging")
        #expect(config.theme == "gruvbox")
        #expect(config.keys == ["approve": "A"])
        let staging = try #require(try config.profile(named: nil))
        #expect(staging.name == "staging")
        #expect(staging.secret == .environment("RWOPS_STAGING_SECRET"))
        let prod = try #require(try config.profile(named: "prod"))
        #expect(prod.readOnly && prod.expectedEnvironment == "live" && prod.theme == "high-contrast")
        #expect(prod.secret == .file("~/.config/rewards-ops/prod.secret"))
    }

    @Test func everyErrorNamesTheFileAndLine() {
        let cases: [(String, String)] = [
            ("theme = \n", "\(path):1:"),
            ("[profiles.a]\nbase_url = \"ftp://x\"\nkey_id = \"k\"\nsecret_env = \"S\"\n", "\(path):2: profiles.a.base_url must be an http(s) URL"),
            ("[profiles.a]\nbase_url = \"https://x\"\nkey_id = \"k\"\n", "\(path):1: profiles.a needs secret_env"),
            ("[profiles.a]\nbase_url = \"https://x\"\nkey_id = \"k\"\nsecret_env = \"S\"\nsecret = \"hunter2\"\n",
             "\(path):5: profiles.a.secret is not a profile setting"),
            ("[profiles.a]\nbase_url = \"https://x\"\nkey_id = 42\nsecret_env = \"S\"\n", "\(path):3: profiles.a.key_id must be a string"),
            ("[profiles.a]\nbase_url = \"https://x\"\nkey_id = \"k\"\nsecret_env = \"S\"\nread_only = \"yes\"\n",
             "\(path):5: profiles.a.read_only must be true or false"),
            ("[profiles.a]\nbase_url = \"https://x\"\nkey_id = \"k\"\nsecret_env = \"S\"\nenvironment = \"prod\"\n",
             "\(path):5: profiles.a.environment must be \"test\" or \"live\""),
            ("colour = \"red\"\n", "\(path):1: colour is not a known setting"),
        ]
        for (text, expected) in cases {
            do {
                _ = try ConfigLoader.parse(text, path: path)
                Issue.record("expected an error for \(text)")
            } catch let error as ConfigError {
                #expect(error.description.hasPrefix(expected), "\(error.description) should start with \(expected)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func unknownAndDanglingProfilesAreExplained() throws {
        let config = try ConfigLoader.parse("default_profile = \"gone\"\n", path: path)
        #expect(throws: ConfigError.self) { try config.profile(named: nil) }
        #expect(throws: ConfigError.unknownProfile(file: path, name: "x", known: "none")) { try config.profile(named: "x") }
        let empty = try ConfigLoader.parse("", path: path)
        #expect(try empty.profile(named: nil) == nil)
    }

    @Test func aMissingFileIsAnEmptyConfiguration() throws {
        let config = try ConfigLoader.load(path: "/nonexistent/rewards-ops/config.toml")
        #expect(config.profiles.isEmpty && config.defaultProfile == nil)
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(ConfigLoader.defaultPath(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/rewards-ops/config.toml")
        #expect(ConfigLoader.defaultPath(environment: ["HOME": "/home/op"]) == "/home/op/.config/rewards-ops/config.toml")
    }
}

@Suite struct SecretReaderTests {
    func temporaryFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rwops-secret-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8),
                                               attributes: [.posixPermissions: mode]))
        return path
    }

    @Test func aPrivateFileIsRead() throws {
        let path = try temporaryFile("sk_test_123\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SecretReader.read(.file(path), profile: "p") == "sk_test_123")
    }

    @Test func aFileOthersCanReadIsRefused() throws {
        let path = try temporaryFile("sk_test_123", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigError.secretFileTooOpen(path: path, mode: "0644")) {
            try SecretReader.read(.file(path), profile: "p")
        }
        do {
            _ = try SecretReader.read(.file(path), profile: "p")
        } catch {
            #expect("\(error)".contains("chmod 600"))
            #expect(!"\(error)".contains("sk_test_123"), "the error never shows the secret")
        }
    }

    @Test func theEnvironmentVariableMustBeSet() throws {
        #expect(try SecretReader.read(.environment("S"), profile: "p", environment: ["S": "v"]) == "v")
        #expect(throws: ConfigError.secretMissing(source: "environment variable S", profile: "p")) {
            try SecretReader.read(.environment("S"), profile: "p", environment: [:])
        }
    }
}

/// A header with no name used to abort the process inside the TOML library (issue #16: bad
/// input anywhere gets a clear message); a value that merely starts a line with `[` is fine.
@Suite struct NamelessHeaderTests {
    @Test(arguments: ["[[[\n", "[[\n", "[\n", "[ \n", "[#\n", "[.a]\n", "[=]\n", "theme = \"x\"\n\n  [[[ broken\n",
                      "default_profile = \"x\"\n[[[ broken\n"])
    func aNamelessHeaderIsASyntaxErrorWithItsLine(text: String) {
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "/c.toml") }
        guard case .syntax(let file, let line, _, let message)? = error else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(file == "/c.toml")
        #expect(line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("[") }.map { $0 + 1 })
        #expect(message.contains("needs a name"))
    }

    @Test func linesOfValuesAndStringsThatStartWithABracketAreNotHeaders() throws {
        let text = """
            theme = "default"  # [not a header
            [keys]
            approve = \"\"\"
            [[[ inside a string
            \"\"\"
            [profiles.staging]
            base_url = "https://staging.example.com"
            key_id = "mr_test_abcdefghijklmnopqrstuvwx"
            secret_env = "S"
            """
        #expect(TableHeaderCheck.firstNamelessHeader(in: text) == nil)
        #expect(TableHeaderCheck.firstNamelessHeader(in: "x = [\n  [\n    1\n  ],\n  [],\n]\n") == nil)
        #expect(TableHeaderCheck.firstNamelessHeader(in: "x = [\n]\n[\n") ?? (0, 0) == (3, 2))
    }
}
