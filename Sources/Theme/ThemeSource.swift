/// Where a theme's text came from; also its identity when looking for `inherits` cycles.
enum ThemeSource: Hashable, Sendable {
    case shipped(String)
    case file(String)

    /// Shipped themes are named by their place in the repository, where they are edited.
    var displayPath: String {
        switch self {
        case .shipped(let name): return "themes/\(name).toml"
        case .file(let path): return path
        }
    }

    /// A plain name never reaches outside the theme directory: no `/`, no leading dot.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    static func isPath(_ argument: String) -> Bool {
        argument.contains("/") || argument.hasSuffix(".toml")
    }

    /// `./themes/mine.toml` → `mine`.
    static func baseName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".toml") ? String(file.dropLast(".toml".count)) : file
    }
}
