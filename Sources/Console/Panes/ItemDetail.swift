import Mirror
import RewardsContract
import Terminal

/// A view of one item over the panes (Enter on a row), described once: what it reads from the
/// mirror, how it takes the answer, its keys, how it draws. Like a pane, a detail view is one
/// folder under Panes/; a pane's `detail(for:)` says which one its rows open.
protocol ItemDetail: Sendable, Hashable {
    /// What the mirror gives for the item.
    associatedtype Content: Sendable & Hashable

    var itemId: String { get }
    /// Reads the item (off the UI thread); nil when the mirror does not have it.
    static func load(_ mirror: MirrorStore, itemId: String) throws -> Content?
    /// The effects of opening the view: its load, and whatever else it fetches.
    func opened() -> [Command]
    /// The mirror's answer to the latest load.
    mutating func loaded(_ content: Content?) -> [Command]
    mutating func handle(_ key: Key) -> DetailKeyOutcome
    /// The mouse wheel.
    mutating func scroll(by lines: Int)
    func render(_ state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int)

    // MARK: Decisions and links (defaults: none)

    /// The pane whose keys apply while the view is open (approve and escalate on a review or
    /// redemption, wherever the view was opened from); nil: the pane underneath.
    var keyPane: PaneID? { get }
    /// The approve or escalate of the item as the view shows it; nil: not decided here.
    func decision(_ verb: ActionVerb) -> PendingAction?
    /// Why the item cannot be decided any more, when it cannot.
    var decisionRefusal: String? { get }
    /// The member `m` opens from the view.
    var linkedMemberId: String? { get }
    /// A member's ledger fetch (`Command.fetchLedger`) ended.
    mutating func ledgerFetched(memberId: String, error: String?) -> [Command]
    /// The screen's size before a key, for views whose text wraps (how far they scroll).
    mutating func fit(columns: Int, height: Int)
}

/// What a key did to an open detail view.
enum DetailKeyOutcome: Sendable, Hashable {
    /// Taken by the view, with the effects it asks for.
    case handled([Command])
    /// The view closes; the key does nothing else.
    case close
    /// The view closes and the key does what it does over the panes (a pane's number).
    case closeAndPass
    /// Not the view's: the key does what it does over the panes (help, quit).
    case pass
    /// Another item's view opens over this one (Esc comes back here).
    case open(DetailLink)
}

extension ItemDetail {
    var keyPane: PaneID? { nil }
    func decision(_ verb: ActionVerb) -> PendingAction? { nil }
    var decisionRefusal: String? { nil }
    var linkedMemberId: String? { nil }
    mutating func ledgerFetched(memberId: String, error: String?) -> [Command] { [] }
    mutating func fit(columns: Int, height: Int) {}

    /// Reads the item again, as on opening and whenever the mirror changed under it.
    var reload: Command { .loadDetail(DetailQuery(Self.self, itemId: itemId)) }

    func opened() -> [Command] { [reload] }

    /// Takes an answer meant for this view; any other is dropped (the view changed meanwhile).
    mutating func take(_ answer: DetailContent) -> [Command]? {
        guard answer.itemId == itemId, let content = answer.content(of: Self.self) else { return nil }
        return loaded(content)
    }

    func isEqual(to other: any ItemDetail) -> Bool { (other as? Self) == self }
}

/// Which item a detail view reads, as `Command.loadDetail` carries it.
public struct DetailQuery: Sendable, Hashable, CustomStringConvertible {
    public let itemId: String
    private let view: ObjectIdentifier
    private let viewName: String
    private let read: @Sendable (MirrorStore) throws -> DetailContent

    init<View: ItemDetail>(_ view: View.Type, itemId: String) {
        self.itemId = itemId
        self.view = ObjectIdentifier(view)
        viewName = String(describing: view)
        read = { mirror in DetailContent(View.self, itemId: itemId, try View.load(mirror, itemId: itemId)) }
    }

    func load(from mirror: MirrorStore) throws -> DetailContent { try read(mirror) }

    public var description: String { "\(viewName)(\(itemId))" }

    public static func == (lhs: DetailQuery, rhs: DetailQuery) -> Bool {
        lhs.view == rhs.view && lhs.itemId == rhs.itemId
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(view)
        hasher.combine(itemId)
    }
}

/// The mirror's answer to a `DetailQuery`, as `Message.detailLoaded` carries it.
public struct DetailContent: Sendable {
    public let itemId: String
    private let view: ObjectIdentifier
    private let content: any Sendable

    init<View: ItemDetail>(_ view: View.Type, itemId: String, _ content: View.Content?) {
        self.itemId = itemId
        self.view = ObjectIdentifier(view)
        self.content = content
    }

    /// The content, if it answers a query of this view: `.some(nil)` when the item is gone.
    func content<View: ItemDetail>(of view: View.Type) -> View.Content?? {
        guard self.view == ObjectIdentifier(view) else { return nil }
        return content as? View.Content?
    }
}
