import Foundation
import Mirror
import RewardsContract
import Terminal

/// The redemption's view: a title bar with its keys, then the sheet (see `lines`).
enum RedemptionDetailView {
    static func render(_ view: RedemptionDetailState, state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        guard let detail = view.detail else {
            buffer.fill(x: 0, y: y, width: state.columns, height: height, role: .text)
            let text = view.missing ? "Redemption \(view.redemptionId) is not in the mirror (purged, or not synced yet)."
                : "Loading \(view.redemptionId)…"
            buffer.put(text, x: 1, y: y + 1, role: view.missing ? .warn : .textDim, maxColumns: state.columns - 2)
            buffer.put("Esc back", x: 1, y: y + 2, role: .textDim)
            return
        }
        let redemption = detail.redemption
        let title = "Redemption \(redemption.id) · \(redemption.status.rawValue)"
        DetailSheet.render(title: title, keys: keys(detail, readOnly: state.isReadOnly),
                           lines: lines(detail, columns: state.columns), scroll: view.scroll, width: state.columns,
                           into: &buffer, y: y, height: height)
    }

    static func keys(_ detail: RedemptionDetail, readOnly: Bool) -> String {
        var keys = ["Esc back"]
        if !readOnly { keys += ["a approve", "e escalate"] }
        keys.append("m member")
        if !detail.reviews.isEmpty { keys.append("Enter review") }
        return keys.joined(separator: " · ")
    }

    static func lines(_ detail: RedemptionDetail, columns: Int) -> [SheetLine] {
        let redemption = detail.redemption
        var sheet = DetailSheet(columns: columns)
        sheet.field("Status", "\(redemption.status.rawValue) — \(ItemGuidance.redemptionStatus(redemption.status))",
                    redemption.status == .payoutFailed ? .error : .text)
        sheet.field("Amount", "\(Format.points(redemption.points)) points · \(Format.money(redemption.cashValueMinor, redemption.currency))")
        if let minimum = detail.minimumMinor {
            sheet.field("Minimum", "\(Format.money(minimum, redemption.currency)) (the platform minimum, as a refusal stated it)",
                        .textDim)
        }
        sheet.field("Payout", "\(redemption.payoutAttempts) attempt\(redemption.payoutAttempts == 1 ? "" : "s")")
        if let error = redemption.lastError {
            sheet.field("Last error", "\(error.code.rawValue): \(error.message)", .error)
            sheet.field("What to do", ItemGuidance.payoutError(error.code.rawValue))
        }
        sheet.member(detail.member, id: redemption.memberId)
        if detail.reviews.isEmpty {
            sheet.field("Reviews", "none about this redemption", .textDim)
        } else {
            for (index, review) in detail.reviews.enumerated() {
                sheet.field(index == 0 ? "Reviews" : "",
                            "\(review.id) · \(review.status.rawValue) · level \(review.escalationLevel) · \(review.reasonCode)"
                                + (index == 0 ? " · Enter opens it" : ""))
            }
        }
        sheet.lastAction(by: redemption.lastActionBy, at: redemption.lastActionAt)
        sheet.field("Version", "\(redemption.version) · created \(DetailSheet.when(redemption.createdAt)) · updated \(DetailSheet.when(redemption.updatedAt))",
                    .textDim)
        sheet.outcome(.redemption(RedemptionFacts(detail)), decidable: true)
        sheet.history(detail.history)
        sheet.decisions(detail.decisions)
        return sheet.lines
    }
}
