/// An item one view can open over another: the member of a review, a payout review's
/// redemption, the object a failed call was about. Ids say what they are (`mem_`, `rev_`,
/// `red_`), so any text that names one can link to it.
public enum DetailLink: Sendable, Hashable {
    case member(String)
    case review(String)
    case redemption(String)

    /// The link an id stands for; nil for an id of no kind the console shows.
    public init?(objectId: String) {
        if objectId.hasPrefix("mem_") {
            self = .member(objectId)
        } else if objectId.hasPrefix("rev_") {
            self = .review(objectId)
        } else if objectId.hasPrefix("red_") {
            self = .redemption(objectId)
        } else {
            return nil
        }
        guard objectId.count > 4 else { return nil }
    }

    var objectId: String {
        switch self {
        case .member(let id), .review(let id), .redemption(let id): return id
        }
    }

    /// The view it opens.
    var view: any ItemDetail {
        switch self {
        case .member(let id): return MemberDetailState(memberId: id)
        case .review(let id): return ReviewDetailState(reviewId: id)
        case .redemption(let id): return RedemptionDetailState(redemptionId: id)
        }
    }
}
