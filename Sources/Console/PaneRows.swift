import Mirror
import RewardsContract

/// A row a pane can select and keep selected across refreshes.
public protocol PaneRow: Sendable, Hashable {
    var rowId: String { get }
}

extension Member: PaneRow { public var rowId: String { id } }
extension RedemptionRow: PaneRow { public var rowId: String { redemption.id } }
extension ReviewRow: PaneRow { public var rowId: String { review.id } }
extension RequestLog: PaneRow { public var rowId: String { id } }

/// The rows of one loaded window, whichever pane they belong to.
public enum PaneRows: Sendable, Hashable {
    case members([WindowRow<Member>])
    case redemptions([WindowRow<RedemptionRow>])
    case reviews([WindowRow<ReviewRow>])
    case errors([WindowRow<RequestLog>])
}
