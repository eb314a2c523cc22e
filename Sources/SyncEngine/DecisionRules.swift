import Mirror
import RewardsContract

/// The rules every decision follows, wherever it is taken (the console's dialog, the
/// `approve` and `escalate` commands): who may decide, what a LIVE platform asks for, and
/// when a decision would repeat one already taken.
public enum DecisionRules {
    /// Why this key and profile may not decide, or nil when they may. A key of the other
    /// environment than the profile expects blocks every decision; so does a read-only
    /// profile, an unknown identity, and any role but `ops`.
    public static func refusal(identity: Me?, expectedEnvironment: Environment?, profileReadOnly: Bool,
                               profileName: String?) -> String? {
        if let expected = expectedEnvironment, let actual = identity?.environment, expected != actual {
            return "the key is for \(actual.rawValue.uppercased()) but the profile expects \(expected.rawValue.uppercased())"
        }
        if profileReadOnly { return "profile \(profileName ?? "") is read only" }
        guard let identity else { return "the key's role is not known yet" }
        return identity.role.mayDecide ? nil : "read-only key (role \(identity.role.rawValue))"
    }

    /// A decision on a LIVE platform must be confirmed by typing this: the id's last six
    /// characters, enough to tell items apart and to make the operator read the id.
    public static func liveConfirmation(for objectId: String) -> String { String(objectId.suffix(6)) }

    /// Whether decisions go to a LIVE platform, by any sign: the key's identity, its id's
    /// prefix, or the environment the profile expects.
    public static func isLive(identity: Me?, keyId: String, expectedEnvironment: Environment?) -> Bool {
        identity?.environment == .live || KeyID.environment(of: keyId) == .live || expectedEnvironment == .live
    }

    /// Why a review cannot take this decision as the mirror has it, or nil. An approved review
    /// is decided for good (contract §8): neither approve nor escalate applies to it.
    public static func closed(_ review: Review) -> String? {
        guard review.status == .approved else { return nil }
        let by = review.decidedBy.map { " by \($0)" } ?? ""
        let at = review.decidedAt.map { " at \($0.raw)" } ?? ""
        return "\(review.id) is already approved\(by)\(at)"
    }

    /// Whether `entry`, this mirror's latest decision on the object, already is the decision
    /// asked for now: the same verb and note, delivered, and the object unchanged since (its
    /// version is the one the platform returned). Running the same command twice then sends
    /// nothing. Once anything changed the object, the same words are a new decision.
    public static func isRepeat(of entry: OutboxEntry, verb: ActionVerb, note: String?, currentVersion: Int) -> Bool {
        entry.state == .delivered && entry.verb == verb && (entry.note ?? "") == (note ?? "")
            && entry.resultVersion == currentVersion
    }
}
