import Console
import Foundation
import Terminal
@testable import Theme

/// Theme files in a fresh temporary directory, removed afterwards, so tests can run
/// in parallel and never touch the real ~/.config.
struct TemporaryThemes {
    let root: URL
    var directory: String { root.appendingPathComponent("rewards-ops/themes").path }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("rewards-ops/themes").path,
                                                withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name + ".toml"))
        }
    }

    /// A loader that sees these files as the user's themes, through XDG_CONFIG_HOME.
    var loader: ThemeLoader { ThemeLoader(environment: ["XDG_CONFIG_HOME": root.path, "HOME": "/nonexistent"], sheet: ConsoleStyles.sheet) }

    func path(_ name: String) -> String { directory + "/" + name + ".toml" }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs `body` with the files in place and always cleans up.
    static func with<Result>(_ files: [String: String], _ body: (TemporaryThemes) throws -> Result) throws -> Result {
        let themes = try TemporaryThemes(files)
        defer { themes.remove() }
        return try body(themes)
    }
}

enum Repository {
    /// The checkout's root, found from this file's path (Tests/ThemeTests/…).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themes = root.appendingPathComponent("themes")
}

extension ThemeLoader {
    /// Only the shipped themes: no user directory.
    static let shippedOnly = ThemeLoader(userDirectory: nil, sheet: ConsoleStyles.sheet)
}

/// A console role's theme key, for messages.
func key(_ role: StyleRole) -> String { ConsoleStyles.sheet[role].key }
