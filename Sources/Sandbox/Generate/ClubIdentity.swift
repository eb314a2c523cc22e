/// A club (tenant) a sandbox knows, derived from the seed: the one it serves, and another one
/// whose keys exist so that clients can test cross-club rejections.
struct ClubIdentity: Sendable {
    let clubId: String
    let clubName: String
    let currency: String

    init(seed: UInt64) {
        clubId = "club_" + Mix64.base36(Mix64.mix(seed ^ Mix64.hash("club")), width: 13)
        let names = ["Harbour Coffee Club", "Nordlicht Rewards", "Café Olé Members", "Sakura Points",
                     "Golden Gate Loyalty", "Medina Market Club"]
        clubName = names[Int(Mix64.mix(seed) % UInt64(names.count))]
        currency = "EUR"
    }

    /// The other club: another seed, and never the same id as the served club.
    static func other(seed: UInt64) -> ClubIdentity {
        let served = ClubIdentity(seed: seed)
        var salt = Mix64.hash("other-club")
        var other = ClubIdentity(seed: seed ^ salt)
        while other.clubId == served.clubId {
            salt = Mix64.mix(salt)
            other = ClubIdentity(seed: seed ^ salt)
        }
        return other
    }
}
