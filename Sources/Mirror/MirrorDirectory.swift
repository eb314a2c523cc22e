import Foundation
import RewardsContract

/// Where mirrors live by default (`$XDG_DATA_HOME/rewards-ops`), and what names their files.
///
/// A mirror without a profile is named for the platform's host, the club and the environment
/// (`api.example.com-club_18k1i56emphif-live.sqlite`), so two keys never share one by
/// accident. The club is known only from `/v1/me`, so the directory also remembers, in
/// `keys.json` (no secrets: hosts, key ids, clubs, environments), which club and environment
/// each key was last seen with. The first run of a key asks the platform; every later run,
/// offline ones included, finds its file there.
public struct MirrorDirectory: Sendable {
    public let path: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = (MirrorStore.defaultPath(name: "x", environment: environment) as NSString).deletingLastPathComponent
    }

    public init(path: String) { self.path = path }

    /// What the directory remembers about one key on one platform.
    public struct KnownKey: Codable, Sendable, Hashable {
        public var host: String
        public var keyId: String
        public var clubId: String
        public var environment: String
        public var seenAt: String
    }

    /// The file of a club's mirror on a host, in an environment.
    public func mirrorFile(host: String, clubId: String, environment: Environment) -> String {
        let name = [host, clubId, environment.rawValue].map(Self.fileNamePart).joined(separator: "-")
        return path + "/" + name + ".sqlite"
    }

    /// The file for a key, if its club is known: what `/v1/me` said last time.
    public func mirrorFile(baseURL: String, keyId: String) -> String? {
        guard let host = MirrorBinding.host(of: baseURL), let known = known(host: host, keyId: keyId) else { return nil }
        return mirrorFile(host: host, clubId: known.clubId, environment: Environment(rawValue: known.environment))
    }

    public func known(host: String, keyId: String) -> KnownKey? {
        load().first { $0.host == host && $0.keyId == keyId }
    }

    /// Remembers a key's answer to `/v1/me` and returns its mirror's file. The newest 200
    /// keys are kept; a file that cannot be written costs only the next offline start.
    @discardableResult
    public func remember(baseURL: String, me: Me, now: Date = Date()) -> String? {
        guard let host = MirrorBinding.host(of: baseURL) else { return nil }
        var keys = load().filter { !($0.host == host && $0.keyId == me.keyId) }
        keys.insert(KnownKey(host: host, keyId: me.keyId, clubId: me.clubId, environment: me.environment.rawValue,
                             seenAt: RFC3339.format(now)), at: 0)
        save(Array(keys.prefix(200)))
        return mirrorFile(host: host, clubId: me.clubId, environment: me.environment)
    }

    var indexPath: String { path + "/keys.json" }

    func load() -> [KnownKey] {
        guard let data = FileManager.default.contents(atPath: indexPath),
              let keys = try? JSONDecoder().decode([KnownKey].self, from: data) else { return [] }
        return keys
    }

    private func save(_ keys: [KnownKey]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(keys),
              (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return }
        // Written aside and renamed over, so that a reader never sees half a file.
        let temporary = indexPath + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary, indexPath) != 0 { unlink(temporary) }
    }

    /// A part of a file name: letters, digits, `.` and `_` kept, anything else (a `/`, a `-`
    /// that would blur the separators, a control character) made `_`, and at most 64 long.
    /// The names come from a URL and from the server; the mirror's own binding, not its name,
    /// is what keeps two clubs apart.
    static func fileNamePart(_ text: String) -> String {
        let safe = String(text.unicodeScalars.prefix(64).map { scalar -> Character in
            let value = scalar.value
            let keep = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
                || value == 0x2E || value == 0x5F
            return keep ? Character(scalar) : "_"
        })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" : safe
    }
}
