import Foundation
import Mirror
import RewardsContract
import Terminal

/// The review's view: a title bar with its keys, then the sheet (see `lines`).
enum ReviewDetailView {
    static func render(_ view: ReviewDetailState, state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        guard let detail = view.detail else {
            buffer.fill(x: 0, y: y, width: state.columns, height: height, role: .text)
            let text = view.missing ? "Review \(view.reviewId) is not in the mirror (purged, or not synced yet)."
                : "Loading \(view.reviewId)…"
            buffer.put(text, x: 1, y: y + 1, role: view.missing ? .warn : .textDim, maxColumns: state.columns - 2)
            buffer.put("Esc back", x: 1, y: y + 2, role: .textDim)
            return
        }
        let review = detail.review
        let title = "Review \(review.id) · \(review.status.rawValue) · \(review.kind.rawValue) · level \(review.escalationLevel)"
        DetailSheet.render(title: title, keys: keys(detail, readOnly: state.isReadOnly),
                           lines: lines(detail, ledger: view.ledger, columns: state.columns), scroll: view.scroll,
                           width: state.columns, into: &buffer, y: y, height: height)
    }

    static func keys(_ detail: ReviewDetail, readOnly: Bool) -> String {
        var keys = ["Esc back"]
        if !readOnly && detail.review.status != .approved { keys += ["a approve", "e escalate"] }
        keys.append("m member")
        if detail.review.kind == .payout { keys.append("Enter redemption") }
        return keys.joined(separator: " · ")
    }

    /// Every line of the sheet, wrapped to `columns`.
    static func lines(_ detail: ReviewDetail, ledger: LedgerFetch, columns: Int) -> [SheetLine] {
        let review = detail.review
        var sheet = DetailSheet(columns: columns)
        sheet.field("Kind", "\(review.kind.rawValue) — \(ItemGuidance.kind(review.kind))")
        if let reason = ItemGuidance.reason(review.reasonCode) {
            sheet.field("Reason", "\(review.reasonCode) — \(reason.meaning)")
            sheet.field("What to do", reason.advice)
        } else {
            sheet.field("Reason", "\(review.reasonCode) — \(ItemGuidance.unknown)", .textDim)
        }
        subject(&sheet, detail, ledger: ledger)
        sheet.field("Points", "requested \(Format.points(review.pointsRequested)) · available \(Format.points(review.pointsAvailable)) when the review opened · shortfall \(Format.points(review.shortfall)) · \(Format.money(review.amountMinor, review.currency))",
                    review.shortfall > 0 ? .warn : .text)
        sheet.member(detail.member, id: review.memberId)
        sheet.field("Escalation", review.escalationLevel == 0 ? "level 0 (not escalated)" : "level \(review.escalationLevel) of 3")
        sheet.field("Note", review.note.map { $0.isEmpty ? "(empty)" : $0 } ?? "none")
        if let by = review.decidedBy ?? review.decidedAt.map({ _ in "(not reported)" }) {
            sheet.field("Decided", "by \(by) at \(DetailSheet.when(review.decidedAt))", .ok)
        } else {
            sheet.field("Decided", "not yet", .textDim)
        }
        sheet.lastAction(by: review.lastActionBy, at: review.lastActionAt)
        sheet.field("Version", "\(review.version) · opened \(DetailSheet.when(review.createdAt)) · updated \(DetailSheet.when(review.updatedAt))",
                    .textDim)
        sheet.outcome(.review(ReviewFacts(detail)), decidable: review.status != .approved)
        sheet.history(detail.history)
        sheet.decisions(detail.decisions)
        return sheet.lines
    }

    /// What the review is about: a reversal's earn from the member's ledger, a payout's
    /// redemption with its attempts and last error.
    static func subject(_ sheet: inout DetailSheet, _ detail: ReviewDetail, ledger: LedgerFetch) {
        let review = detail.review
        switch review.kind {
        case .reversal:
            if let earn = detail.earn {
                sheet.field("Subject", "earn \(review.subjectRef): +\(Format.points(earn.points)) points on \(DetailSheet.when(earn.createdAt)) (\(earn.id), from the member's ledger)")
            } else {
                let status: String
                switch ledger {
                case .idle, .fetching: status = "fetching the member's ledger…"
                case .fetched: status = "not in the member's ledger as fetched"
                case .failed(let reason): status = "the ledger fetch failed: \(reason)"
                }
                sheet.field("Subject", "earn \(review.subjectRef) — \(status)", ledger == .fetched ? .warn : .pending)
            }
            if let reversal = detail.reversal {
                sheet.field("", "already reversed in the ledger: \(Format.points(reversal.points)) on \(DetailSheet.when(reversal.createdAt)) (\(reversal.id))",
                            .warn)
            }
        case .payout:
            guard let redemption = detail.redemption else {
                sheet.field("Subject", "redemption \(review.subjectRef) (not in the mirror)", .warn)
                return
            }
            sheet.field("Subject", "redemption \(redemption.id) · \(redemption.status.rawValue) · \(Format.points(redemption.points)) pts · \(Format.money(redemption.cashValueMinor, redemption.currency)) · Enter opens it")
            sheet.field("Payout", "\(redemption.payoutAttempts) attempt\(redemption.payoutAttempts == 1 ? "" : "s")")
            if let error = redemption.lastError {
                sheet.field("Last error", "\(error.code.rawValue): \(error.message)", .error)
                sheet.field("", ItemGuidance.payoutError(error.code.rawValue))
            }
        default:
            sheet.field("Subject", review.subjectRef)
        }
    }
}
