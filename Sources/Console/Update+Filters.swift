import Foundation
import Mirror
import RewardsContract

extension Update {
    static let redemptionStatusCycle: [RedemptionStatus?] = [nil, .pendingApproval, .reserved, .payoutFailed, .escalated,
                                                             .paid, .rejected, .cancelled]
    static let reviewStatusCycle: [ReviewStatus?] = [nil, .open, .escalated, .approved]

    /// `s`: the next status filter. Redemptions start at "pending" (the four pending statuses),
    /// then "all", then one status at a time; reviews go all, open, escalated, approved.
    static func cycleStatus(_ state: inout AppState) -> [Command] {
        switch state.pane {
        case .redemptions:
            var filter = state.redemptionFilter
            if filter.status == nil && filter.pendingOnly {
                filter.pendingOnly = false
            } else {
                let index = redemptionStatusCycle.firstIndex(of: filter.status) ?? 0
                let next = redemptionStatusCycle[(index + 1) % redemptionStatusCycle.count]
                filter.status = next
                filter.pendingOnly = next == nil
            }
            state.redemptionFilter = filter
            state.flash = Flash(text: "Redemptions: \(describe(filter))", level: .info, at: state.now)
            return load(&state, .redemptions, .top, .index(0))
        case .reviews:
            let current = state.reviewFilter.statuses.first
            let index = reviewStatusCycle.firstIndex(of: current) ?? 0
            let next = reviewStatusCycle[(index + 1) % reviewStatusCycle.count]
            state.reviewFilter = ReviewFilter(statuses: next.map { [$0] } ?? [], text: state.reviewFilter.text)
            state.flash = Flash(text: "Review queue: \(next?.rawValue ?? "all statuses")", level: .info, at: state.now)
            return load(&state, .reviews, .top, .index(0))
        default:
            return []
        }
    }

    static func describe(_ filter: RedemptionFilter) -> String {
        if let status = filter.status { return status.rawValue }
        return filter.pendingOnly ? "pending (pending_approval, reserved, payout_failed, escalated)" : "all statuses"
    }

    /// `y`: the selected row's id to the clipboard.
    static func copySelectedId(_ state: inout AppState) -> [Command] {
        let id: String?
        if let detail = state.memberDetail {
            id = detail.memberId
        } else {
            switch state.pane {
            case .members: id = state.members.selectedRow?.id
            case .redemptions: id = state.redemptions.selectedRow?.redemption.id
            case .reviews: id = state.reviews.selectedRow?.review.id
            case .errors:
                // On the summary the selected thing is a code; below it, a failure's request id.
                id = state.errorLog.mode == .groups ? state.errorLog.selectedGroupRow?.code
                    : state.errors.selectedRow?.requestId
            }
        }
        guard let id else { return [] }
        state.flash = Flash(text: "Copied \(id)", level: .success, at: state.now)
        return [.copyToClipboard(id)]
    }
}
