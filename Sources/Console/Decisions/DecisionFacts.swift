import Mirror
import RewardsContract
import Terminal

/// What the mirror knows about an item that says what deciding it will do: the item as the
/// decision sees it (its version goes with the decision), and the few facts around it. Taken
/// from a pane's row (read in the window's query) or from an open detail view.
enum DecisionFacts: Sendable, Hashable {
    case review(ReviewFacts)
    case redemption(RedemptionFacts)

    var objectId: String {
        switch self {
        case .review(let facts): return facts.review.id
        case .redemption(let facts): return facts.redemption.id
        }
    }
}

struct ReviewFacts: Sendable, Hashable {
    var review: Review
    /// Already made inert, or the member id when the mirror has no name.
    var memberLabel: String
    /// The member as the mirror has them now; nil when it does not.
    var member: MemberStanding?
    /// A payout review's redemption status.
    var subjectStatus: RedemptionStatus?
    /// The member's ledger in the mirror already holds a reversal of the subject.
    var reversalPosted = false
}

struct RedemptionFacts: Sendable, Hashable {
    var redemption: Redemption
    var memberLabel: String
    var member: MemberStanding?
    /// The platform's minimum cash value, when a refusal has told the mirror.
    var minimumMinor: Int?
}

extension ReviewFacts {
    init(_ row: ReviewRow) {
        self.init(review: row.review, memberLabel: row.memberName.map { Inert.text($0) } ?? row.review.memberId,
                  member: row.member, subjectStatus: row.subjectStatus, reversalPosted: row.reversalPosted)
    }

    init(_ detail: ReviewDetail) {
        self.init(review: detail.review, memberLabel: detail.member.map { Inert.text($0.name) } ?? detail.review.memberId,
                  member: detail.member.map(MemberStanding.init), subjectStatus: detail.redemption?.status,
                  reversalPosted: detail.reversal != nil)
    }
}

extension RedemptionFacts {
    init(_ row: RedemptionRow) {
        self.init(redemption: row.redemption,
                  memberLabel: row.memberName.map { Inert.text($0) } ?? row.redemption.memberId,
                  member: row.member, minimumMinor: row.minimumMinor)
    }

    init(_ detail: RedemptionDetail) {
        self.init(redemption: detail.redemption,
                  memberLabel: detail.member.map { Inert.text($0.name) } ?? detail.redemption.memberId,
                  member: detail.member.map(MemberStanding.init), minimumMinor: detail.minimumMinor)
    }
}
