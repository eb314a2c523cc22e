import Foundation
import Terminal

/// Finds themes by name and loads them with everything they inherit.
///
/// A name is looked up in the user's directory first
/// (`$XDG_CONFIG_HOME/rewards-ops/themes/NAME.toml`, by default `~/.config/…`), then among
/// the shipped themes, which are compiled into the binary (`ShippedThemes`) so an
/// installed executable needs no resource files next to it.
public struct ThemeLoader: Sendable {
    /// The user's theme directory; nil when neither XDG_CONFIG_HOME nor HOME is set.
    public let userDirectory: String?
    /// The app's roles: a theme is resolved for each of them, and may name only them.
    public let sheet: StyleSheet

    public init(userDirectory: String?, sheet: StyleSheet) {
        self.userDirectory = userDirectory
        self.sheet = sheet
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, sheet: StyleSheet) {
        self.init(userDirectory: Self.userDirectory(environment: environment), sheet: sheet)
    }

    /// The XDG base-directory rule: XDG_CONFIG_HOME if set to an absolute path, else
    /// `$HOME/.config`.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/rewards-ops/themes"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/rewards-ops/themes"
    }

    /// Loads a theme by name (`solarized-dark`), or from a file when the argument
    /// contains `/` or ends in `.toml` (`--theme ./mine.toml`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let theme = try ThemeSource.isPath(nameOrPath) ? file(at: nameOrPath) : find(nameOrPath)
        let known = ThemeKeys.known(sheet)
        var documents: [ThemeDocument] = []
        var visited: [ThemeSource] = []
        var current = theme
        while true {
            if visited.contains(current.source) {
                let cycle = (visited + [current.source]).map(\.displayPath).joined(separator: " → ")
                let child = documents.last
                throw ThemeError(.inheritanceCycle, file: child?.file ?? current.source.displayPath,
                                 line: child.flatMap { SourceLines.line(ofKey: "inherits", in: $0.text) },
                                 message: "'inherits' goes round in a cycle: \(cycle)")
            }
            visited.append(current.source)
            let document = try ThemeParser.parse(current.text, file: current.source.displayPath, known: known)
            documents.append(document)
            guard let parent = document.inherits else { break }
            current = try findParent(parent, of: current.source, document: document)
        }
        let name = ThemeSource.isPath(nameOrPath) ? ThemeSource.baseName(of: nameOrPath) : nameOrPath
        return try ThemeResolver.resolve(documents.reversed(), name: name, sheet: sheet)
    }

    /// Every theme name `load` accepts, sorted; user themes shadow shipped ones.
    public func availableNames() -> [String] {
        var names = Set(ShippedThemes.sources.keys)
        if let userDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: userDirectory) {
            for file in files where file.hasSuffix(".toml") {
                let name = String(file.dropLast(".toml".count))
                if ThemeSource.isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    // MARK: - Lookup

    private func find(_ name: String) throws(ThemeError) -> LoadedText {
        guard ThemeSource.isValidName(name) else {
            throw ThemeError(.invalidName, file: name, message: "'\(name)' is not a theme name (letters, digits, '-', '_' and '.'); to load a file, give a path ending in .toml")
        }
        if let text = try userText(name) { return text }
        if let text = shipped(name) { return text }
        throw notFound(name, file: userPath(name) ?? ThemeSource.shipped(name).displayPath, line: nil)
    }

    /// A user theme may inherit a theme of its own name (a `default.toml` that tweaks
    /// the shipped default): that one is the shipped theme, not itself. Shipped themes
    /// inherit shipped themes only, so a user file cannot change them from beneath.
    private func findParent(_ name: String, of child: ThemeSource, document: ThemeDocument) throws(ThemeError) -> LoadedText {
        let line = SourceLines.line(ofKey: "inherits", in: document.text)
        guard ThemeSource.isValidName(name) else {
            throw ThemeError(.invalidName, file: document.file, line: line, message: "'inherits' names '\(name)', which is not a theme name")
        }
        if case .shipped = child {
            if let text = shipped(name) { return text }
        } else {
            if let text = try userText(name), text.source != child { return text }
            if let text = shipped(name) { return text }
        }
        throw notFound(name, file: document.file, line: line)
    }

    private func userPath(_ name: String) -> String? {
        userDirectory.map { $0 + "/" + name + ".toml" }
    }

    private func userText(_ name: String) throws(ThemeError) -> LoadedText? {
        guard let path = userPath(name), FileManager.default.fileExists(atPath: path) else { return nil }
        return try file(at: path)
    }

    private func file(at path: String) throws(ThemeError) -> LoadedText {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ThemeError(.notFound, file: path, message: "no theme file here")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(.unreadable, file: path, message: "cannot read this theme file (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(.unreadable, file: path, message: "this theme file is not UTF-8 text")
        }
        return LoadedText(source: .file(path), text: text)
    }

    private func shipped(_ name: String) -> LoadedText? {
        ShippedThemes.sources[name].map { LoadedText(source: .shipped(name), text: $0) }
    }

    private func notFound(_ name: String, file: String, line: Int?) -> ThemeError {
        let places = [userDirectory.map { "\($0)/" }, "the shipped themes"].compactMap { $0 }.joined(separator: " and ")
        return ThemeError(.notFound, file: file, line: line,
                          message: "no theme named '\(name)' in \(places); available: \(availableNames().joined(separator: ", "))")
    }
}

/// A theme's text and where it came from.
private struct LoadedText {
    let source: ThemeSource
    let text: String
}
