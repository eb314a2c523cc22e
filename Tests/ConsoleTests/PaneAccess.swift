import Mirror
@testable import Console

/// The panes' states by name, and the commands and messages of one pane or detail view, as
/// the tests write them. The product reaches them through `PaneStates` and `PaneTable`.
extension AppState {
    var members: PaneState<MembersPane> {
        get { panes[MembersPane.self] }
        set { panes[MembersPane.self] = newValue }
    }

    var redemptions: PaneState<RedemptionsPane> {
        get { panes[RedemptionsPane.self] }
        set { panes[RedemptionsPane.self] = newValue }
    }

    var reviews: PaneState<ReviewsPane> {
        get { panes[ReviewsPane.self] }
        set { panes[ReviewsPane.self] = newValue }
    }

    var errors: PaneState<ErrorLogPane> {
        get { panes[ErrorLogPane.self] }
        set { panes[ErrorLogPane.self] = newValue }
    }

    var memberDetail: MemberDetailState? {
        get { detail as? MemberDetailState }
        set { detail = newValue }
    }
}

extension PaneQuery {
    static func members(_ filter: MemberFilter) -> PaneQuery { PaneQuery(MembersPane.self, filter) }
    static func redemptions(_ filter: RedemptionFilter) -> PaneQuery { PaneQuery(RedemptionsPane.self, filter) }
    static func reviews(_ filter: ReviewFilter) -> PaneQuery { PaneQuery(ReviewsPane.self, filter) }
    static func errorLog(_ filter: ErrorLogFilter) -> PaneQuery { PaneQuery(ErrorLogPane.self, filter) }
}

extension Command {
    static func loadMemberDetail(memberId: String) -> Command {
        .loadDetail(DetailQuery(MemberDetailState.self, itemId: memberId))
    }
}

extension Message {
    static func memberDetailLoaded(memberId: String, detail: MemberDetail?) -> Message {
        .detailLoaded(DetailContent(MemberDetailState.self, itemId: memberId, detail))
    }
}
