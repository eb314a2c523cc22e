import Foundation
import GRDB
import RewardsContract

/// Whose a mirror is: the platform it was built from, and the club and environment that
/// platform's `/v1/me` named. A mirror is bound on its first identified sync and never mixes
/// another club's or environment's rows in afterwards.
public struct MirrorBinding: Sendable, Hashable {
    /// Nil for a mirror bound before base URLs were recorded; the next sync fills it in.
    public var baseURL: String?
    public var clubId: String
    public var clubName: String
    public var environment: Environment

    public init(baseURL: String?, clubId: String, clubName: String, environment: Environment) {
        self.baseURL = baseURL; self.clubId = clubId; self.clubName = clubName; self.environment = environment
    }

    /// The platform's host, lowercased: what tells two platforms apart. A port or a path may
    /// change (a local server restarted on a new port) without making it another platform.
    public var host: String? { baseURL.flatMap(Self.host(of:)) }

    public static func host(of baseURL: String) -> String? {
        URL(string: baseURL)?.host?.lowercased()
    }

    /// "club_x (Name), test, at api.example.com".
    public var summary: String {
        "club \(clubId)" + (clubName.isEmpty ? "" : " (\(clubName))") + ", \(environment.rawValue)"
            + (host.map { ", at \($0)" } ?? "")
    }
}

/// A key whose `/v1/me` names another club, environment or platform than the mirror's.
public struct MirrorIdentityMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    public var mirrorPath: String
    public var mirror: MirrorBinding
    public var keyId: String
    public var key: MirrorBinding

    public init(mirrorPath: String, mirror: MirrorBinding, keyId: String, key: MirrorBinding) {
        self.mirrorPath = mirrorPath; self.mirror = mirror; self.keyId = keyId; self.key = key
    }

    public var description: String {
        """
        The mirror \(mirrorPath) holds \(mirror.summary); key \(keyId) is of \(key.summary). \
        Nothing was read or sent. Use that key's own mirror (without REWARDS_OPS_MIRROR each club and \
        environment has one), or start this file over with --reset-mirror.
        """
    }
}

extension MirrorStore {
    /// What the mirror is bound to; nil for a mirror never identified.
    public func binding() throws -> MirrorBinding? {
        try pool.read { db in try Self.binding(db) }
    }

    /// Records the key's answer to `/v1/me` and binds an unbound mirror to its club and
    /// environment on `baseURL`. Throws `MirrorIdentityMismatch`, and records nothing, when
    /// the mirror is bound to another club, environment or host.
    public func bind(_ me: Me, keyId: String, baseURL: String, now: Date = Date()) throws {
        let answered = MirrorBinding(baseURL: baseURL, clubId: me.clubId, clubName: me.clubName, environment: me.environment)
        try pool.write { db in
            if let bound = try Self.binding(db) {
                let sameHost = bound.host == nil || bound.host == answered.host
                guard bound.clubId == answered.clubId, bound.environment == answered.environment, sameHost else {
                    throw MirrorIdentityMismatch(mirrorPath: path, mirror: bound, keyId: keyId, key: answered)
                }
            }
            try db.execute(sql: """
                INSERT INTO mirror_identity (singleton, baseURL, clubId, clubName, environment, boundAt)
                VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (singleton) DO UPDATE SET baseURL = excluded.baseURL, clubName = excluded.clubName
                """, arguments: [baseURL, me.clubId, me.clubName, me.environment.rawValue, now.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT OR REPLACE INTO key_identities (keyId, clubId, clubName, environment, role, seenAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [keyId, me.clubId, me.clubName, me.environment.rawValue, me.role.rawValue,
                                 now.timeIntervalSince1970])
        }
    }

    /// The key's own last answer to `/v1/me` on this mirror, or nil. Another key's answer is
    /// never lent: a support key on a mirror an ops key synced has no role until it is asked.
    public func identity(keyId: String) throws -> Me? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM key_identities WHERE keyId = ?", arguments: [keyId]).map { row in
                Me(keyId: row["keyId"], clubId: row["clubId"], clubName: row["clubName"],
                   environment: Environment(rawValue: row["environment"]), role: Role(rawValue: row["role"]))
            }
        }
    }

    static func binding(_ db: Database) throws -> MirrorBinding? {
        try Row.fetchOne(db, sql: "SELECT * FROM mirror_identity WHERE singleton = 1").map { row in
            MirrorBinding(baseURL: row["baseURL"], clubId: row["clubId"], clubName: row["clubName"],
                          environment: Environment(rawValue: row["environment"]))
        }
    }
}
