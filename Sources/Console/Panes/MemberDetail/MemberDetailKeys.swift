import Mirror
import RewardsContract
import Terminal

/// The member detail as a view over the panes: it reads the member, fetches the ledger (which
/// is not in the feed) on opening and on `r`, and scrolls the ledger.
extension MemberDetailState: ItemDetail {
    /// How many ledger entries the view reads; fewer means the whole ledger is known.
    static let ledgerLimit = 200

    var itemId: String { memberId }
    var linkedMemberId: String? { memberId }

    static func load(_ mirror: MirrorStore, itemId: String) throws -> MemberDetail? {
        try mirror.memberDetail(id: itemId, limit: ledgerLimit)
    }

    func opened() -> [Command] { [reload, .fetchLedger(memberId: memberId)] }

    mutating func loaded(_ content: MemberDetail?) -> [Command] {
        detail = content
        missing = content == nil
        if ledgerArrived {
            ledgerArrived = false
            ledgerStatus = .fetched
        }
        return []
    }

    mutating func ledgerFetched(memberId: String, error: String?) -> [Command] {
        memberId == self.memberId ? ledgerFetched(error: error) : []
    }

    /// The fetch ended; on success the ledger counts as fetched only once the fresh copy has
    /// been read back from the mirror.
    mutating func ledgerFetched(error: String?) -> [Command] {
        if let error {
            ledgerStatus = .failed(error)
            return []
        }
        ledgerArrived = true
        return [reload]
    }

    mutating func handle(_ key: Key) -> DetailKeyOutcome {
        switch key {
        case .escape, .left, .char("h"), .backspace:
            return .close
        case .char("j"), .down:
            scroll += 1
        case .char("k"), .up:
            scroll = max(0, scroll - 1)
        case .ctrl("d"), .pageDown:
            scroll += 10
        case .ctrl("u"), .pageUp:
            scroll = max(0, scroll - 10)
        case .char("g"), .home:
            scroll = 0
        case .char("r"):
            ledgerStatus = .fetching
            return .handled([.fetchLedger(memberId: memberId)])
        case .char("a"), .char("e"), .enter:
            return .handled([])  // decisions are taken on the queue rows, not here
        case .char("1"), .char("2"), .char("3"), .char("4"), .tab, .backTab:
            return .closeAndPass
        default:
            return .pass
        }
        scroll = min(scroll, maxScroll)
        return .handled([])
    }

    mutating func scroll(by lines: Int) {
        scroll = max(0, min(scroll + lines, maxScroll))
    }

    /// The ledger scrolls until its last entry is the first shown.
    private var maxScroll: Int { max(0, (detail?.ledger.count ?? 0) - 1) }

    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        MemberDetailView.render(self, state: state, into: &buffer, y: y, height: height)
    }
}
