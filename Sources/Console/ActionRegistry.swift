import Terminal

/// Every action of the console, named once. Keys, the help overlay and read-only gating all
/// come from this table, so they cannot drift apart.
public enum ActionID: String, Sendable, CaseIterable, Hashable {
    case quit, help, nextPane, previousPane, membersPane, redemptionsPane, reviewsPane, errorsPane
    case down, up, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case filter, approve, escalate, syncNow
    case openDetail, mark, undo
    case approveWithNote, openMember
    case cycleStatus, toggleDeleted, copyId, audit
    case errorsOpen, errorsBack, errorsSource, errorsRetryable, errorsStatus
    case clearFilter
}

public struct ActionSpec: Sendable, Hashable {
    public var id: ActionID
    public var keys: [Key]
    public var keyLabel: String
    public var description: String
    /// Nil: every pane.
    public var panes: Set<PaneID>?
    /// Changes state on the platform: hidden and refused for a read-only key.
    public var mutates: Bool

    /// Names that run it from the `:` command line.
    public var commands: [String] { ActionRegistry.commandNames[id] ?? [] }
}

public enum ActionRegistry {
    public static let all: [ActionSpec] = [
        ActionSpec(id: .quit, keys: [.char("q"), .ctrl("c")], keyLabel: "q", description: "quit", panes: nil, mutates: false),
        ActionSpec(id: .help, keys: [.char("?")], keyLabel: "?", description: "help", panes: nil, mutates: false),
        ActionSpec(id: .nextPane, keys: [.tab], keyLabel: "Tab", description: "next pane", panes: nil, mutates: false),
        ActionSpec(id: .previousPane, keys: [.backTab], keyLabel: "S-Tab", description: "previous pane", panes: nil,
                   mutates: false),
        ActionSpec(id: .membersPane, keys: [.char("1")], keyLabel: "1", description: "members", panes: nil, mutates: false),
        ActionSpec(id: .redemptionsPane, keys: [.char("2")], keyLabel: "2", description: "redemptions", panes: nil,
                   mutates: false),
        ActionSpec(id: .reviewsPane, keys: [.char("3")], keyLabel: "3", description: "review queue", panes: nil,
                   mutates: false),
        ActionSpec(id: .errorsPane, keys: [.char("4")], keyLabel: "4", description: "error log", panes: nil, mutates: false),
        // The Error log's own keys come first so that a 24-row help box still shows them.
        ActionSpec(id: .errorsOpen, keys: [.enter], keyLabel: "Enter", description: "open: code → its failures → one failure",
                   panes: [.errors], mutates: false),
        ActionSpec(id: .errorsBack, keys: [.escape], keyLabel: "Esc", description: "back one level", panes: [.errors],
                   mutates: false),
        // s cycles the status filter here as on the redemptions and the review queue.
        ActionSpec(id: .errorsStatus, keys: [.char("s")], keyLabel: "s", description: "cycle the status filter: all/4xx/5xx/none",
                   panes: [.errors], mutates: false),
        ActionSpec(id: .errorsRetryable, keys: [.char("f")], keyLabel: "f", description: "cycle retryable: all/yes/no",
                   panes: [.errors], mutates: false),
        ActionSpec(id: .errorsSource, keys: [.char("c")], keyLabel: "c",
                   description: "source: platform logs / this console's calls", panes: [.errors], mutates: false),
        ActionSpec(id: .down, keys: [.char("j"), .down], keyLabel: "j/↓", description: "down", panes: nil, mutates: false),
        ActionSpec(id: .up, keys: [.char("k"), .up], keyLabel: "k/↑", description: "up", panes: nil, mutates: false),
        ActionSpec(id: .top, keys: [.char("g"), .home], keyLabel: "g", description: "first row", panes: nil, mutates: false),
        ActionSpec(id: .bottom, keys: [.char("G"), .end], keyLabel: "G", description: "last row", panes: nil, mutates: false),
        ActionSpec(id: .pageDown, keys: [.pageDown, .ctrl("f")], keyLabel: "PgDn", description: "page down", panes: nil,
                   mutates: false),
        ActionSpec(id: .pageUp, keys: [.pageUp, .ctrl("b")], keyLabel: "PgUp", description: "page up", panes: nil,
                   mutates: false),
        ActionSpec(id: .halfPageDown, keys: [.ctrl("d")], keyLabel: "C-d", description: "half page down", panes: nil,
                   mutates: false),
        ActionSpec(id: .halfPageUp, keys: [.ctrl("u")], keyLabel: "C-u", description: "half page up", panes: nil,
                   mutates: false),
        ActionSpec(id: .filter, keys: [.char("/")], keyLabel: "/", description: "filter as you type (Esc clears)",
                   panes: [.members, .reviews, .redemptions, .errors], mutates: false),
        // On the Error log Esc is `errorsBack`, which clears a search before it goes back.
        ActionSpec(id: .clearFilter, keys: [.escape], keyLabel: "Esc", description: "clear the filter",
                   panes: [.members, .reviews, .redemptions], mutates: false),
        ActionSpec(id: .approve, keys: [.char("a")], keyLabel: "a", description: "approve", panes: [.reviews, .redemptions],
                   mutates: true),
        ActionSpec(id: .approveWithNote, keys: [.char("A")], keyLabel: "A", description: "approve with a note (optional)",
                   panes: [.reviews, .redemptions], mutates: true),
        ActionSpec(id: .escalate, keys: [.char("e")], keyLabel: "e", description: "escalate (asks for a note)",
                   panes: [.reviews, .redemptions], mutates: true),
        ActionSpec(id: .syncNow, keys: [.char("r")], keyLabel: "r", description: "sync now", panes: nil, mutates: false),
        ActionSpec(id: .mark, keys: [.char(" ")], keyLabel: "Space", description: "mark the row for a bulk decision",
                   panes: [.reviews, .redemptions], mutates: true),
        ActionSpec(id: .undo, keys: [.char("u")], keyLabel: "u", description: "undo the last decision (before it is sent)",
                   panes: nil, mutates: true),
        ActionSpec(id: .cycleStatus, keys: [.char("s")], keyLabel: "s", description: "cycle the status filter",
                   panes: [.redemptions, .reviews], mutates: false),
        ActionSpec(id: .toggleDeleted, keys: [.char("d")], keyLabel: "d", description: "show or hide soft-deleted members",
                   panes: [.members], mutates: false),
        ActionSpec(id: .copyId, keys: [.char("y")], keyLabel: "y", description: "copy the row's id (OSC 52)",
                   panes: nil, mutates: false),
        ActionSpec(id: .audit, keys: [], keyLabel: ":audit", description: "the audit: every decision taken here and its result",
                   panes: nil, mutates: false),
        ActionSpec(id: .openDetail, keys: [.enter], keyLabel: "Enter",
                   description: "detail: the whole review or redemption (a/e decide there; Enter again: what it is about), or the member",
                   panes: [.members, .reviews, .redemptions], mutates: false),
        ActionSpec(id: .openMember, keys: [.char("m")], keyLabel: "m",
                   description: "the row's member (also from a detail): profile, balances, ledger",
                   panes: [.reviews, .redemptions], mutates: false),
    ]

    public static func spec(_ id: ActionID) -> ActionSpec? { all.first { $0.id == id } }

    /// `:` command names; the first is the one completion offers.
    static let commandNames: [ActionID: [String]] = [
        .quit: ["quit", "q"], .help: ["help"], .membersPane: ["members"], .redemptionsPane: ["redemptions"],
        .reviewsPane: ["queue", "reviews"], .errorsPane: ["errors"], .syncNow: ["sync"], .top: ["top"],
        .bottom: ["bottom"], .filter: ["filter"], .approve: ["approve"], .escalate: ["escalate"], .undo: ["undo"],
        .openDetail: ["detail"], .openMember: ["member"], .approveWithNote: ["approve-note"], .mark: ["mark"], .cycleStatus: ["status"], .toggleDeleted: ["deleted"],
        .copyId: ["copy"], .audit: ["audit"], .clearFilter: ["clear"],
        .errorsSource: ["source"], .errorsRetryable: ["retryable"], .errorsStatus: ["status"],
    ]

    /// The action a `:` command names, if it applies on this pane.
    public static func action(forCommand name: String, on pane: PaneID) -> ActionSpec? {
        all.first { spec in spec.commands.contains(name) && (spec.panes?.contains(pane) ?? true) }
    }

    /// Command names that start with `prefix` and apply here (read-only keys see no mutating ones).
    public static func completions(of prefix: String, on pane: PaneID, readOnly: Bool) -> [String] {
        available(on: pane, readOnly: readOnly).flatMap(\.commands).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The action a key triggers on a pane, if any (read-only gating is the caller's).
    public static func action(for key: Key, on pane: PaneID) -> ActionSpec? {
        all.first { spec in spec.keys.contains(key) && (spec.panes?.contains(pane) ?? true) }
    }

    /// What the help overlay lists for a pane.
    public static func available(on pane: PaneID, readOnly: Bool) -> [ActionSpec] {
        all.filter { ($0.panes?.contains(pane) ?? true) && !(readOnly && $0.mutates) }
    }
}
