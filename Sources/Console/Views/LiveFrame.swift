import RewardsContract
import Terminal

/// On a LIVE platform the whole screen says so: the top and bottom lines, which frame every
/// pane, overlay and dialog, take the LIVE badge's colours (reverse and bold without colour),
/// edge to edge. A drawn border would cost two columns and two rows that the 80×24 layout
/// does not have; these lines are there already, so nothing moves and every pane keeps its
/// width, while no part of a LIVE screen can be mistaken for a TEST one.
enum LiveFrame {
    /// LIVE, or an environment the console does not know (treated as LIVE, like the badge);
    /// before `/v1/me` answers, what the key's prefix or the profile says.
    static func isOn(_ state: AppState) -> Bool {
        if let environment = state.environment { return environment != .test }
        return state.expectedEnvironment == .live
    }

    /// The role of a bar's background and plain text: the LIVE one, or the bar's own.
    static func barRole(_ state: AppState, otherwise role: StyleRole) -> StyleRole {
        isOn(state) ? .badgeLive : role
    }
}
