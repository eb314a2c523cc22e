/// The one club (tenant) a sandbox serves, derived from the seed.
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
}
