/// Every pane's state, by pane, in tab order.
public struct PaneStates: Sendable, Equatable {
    private var states: [any AnyPaneState]

    init() {
        states = PaneTable.all.map { $0.initialState }
    }

    subscript<P: Pane>(_ pane: P.Type) -> PaneState<P> {
        get {
            guard let state = states[PaneTable.index(of: P.id)] as? PaneState<P> else {
                preconditionFailure("pane \(P.id) holds another kind of state")
            }
            return state
        }
        set { states[PaneTable.index(of: P.id)] = newValue }
    }

    subscript(id: PaneID) -> any AnyPaneState {
        get { states[PaneTable.index(of: id)] }
        set { states[PaneTable.index(of: id)] = newValue }
    }

    /// A window has been asked for and has not arrived yet.
    public var isLoading: Bool { states.contains { $0.isLoading } }

    /// The panes waiting for a window.
    public var loading: [PaneID] { states.filter(\.isLoading).map(\.id) }

    public static func == (lhs: PaneStates, rhs: PaneStates) -> Bool {
        lhs.states.count == rhs.states.count && zip(lhs.states, rhs.states).allSatisfy { $0.isEqual(to: $1) }
    }
}

extension Pane {
    static var initialState: any AnyPaneState { PaneState<Self>() }
}
