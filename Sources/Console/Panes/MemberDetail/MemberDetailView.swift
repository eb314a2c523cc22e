import Foundation
import Mirror
import RewardsContract
import Terminal

/// "Why does she have 120 points?": the profile, the balances, and the ledger with the
/// balance after each entry, so the total explains itself.
enum MemberDetailView {
    static func render(_ detailState: MemberDetailState, state: AppState, into buffer: inout ScreenBuffer, y: Int,
                       height: Int) {
        let width = state.columns
        buffer.fill(x: 0, y: y, width: width, height: height, role: .text)
        guard let detail = detailState.detail else {
            let text = detailState.missing ? "Member \(detailState.memberId) is not in the mirror (purged, or not synced yet)."
                : "Loading \(detailState.memberId)…"
            buffer.put(text, x: 1, y: y + 1, role: detailState.missing ? .warn : .textDim, maxColumns: width - 2)
            buffer.put("Esc back", x: 1, y: y + 2, role: .textDim)
            return
        }
        let member = detail.member
        var line = y
        // The name is cut with an ellipsis to leave room for the id; the hint shows when it fits.
        let name = TextWidth.truncate(Inert.text(member.name), toColumns: max(10, width / 2 - 2))
        var x = buffer.put(" \(name) ", x: 0, y: line, role: .title, bold: true, maxColumns: width / 2)
        x += buffer.put(" \(member.id) · \(member.status.rawValue)", x: x, y: line,
                        role: member.status == .active ? .text : .warn)
        let hint = "Esc back · j/k ledger · r refetch ledger "
        if x + 2 + TextWidth.columns(hint) <= width {
            buffer.put(hint, x: width - TextWidth.columns(hint), y: line, role: .textDim)
        }
        line += 1
        var profile = "\(member.email) · ref \(member.externalRef) · \(member.currency)"
        profile += member.payoutReady ? " · payout details on file" : " · no payout details"
        profile += " · member since \(String(member.createdAt.raw.prefix(10)))"
        if let deleted = member.deletedAt { profile += " · deleted \(String(deleted.raw.prefix(10)))" }
        buffer.put(" " + profile, x: 0, y: line, role: .textDim, maxColumns: width)
        line += 1
        x = buffer.put(" Available \(Format.points(member.pointsAvailable)) · pending \(Format.points(member.pointsPending)) · lifetime \(Format.points(member.pointsLifetime))",
                       x: 0, y: line, bold: true)
        x += 3
        switch (detailState.ledgerSum(limit: MemberDetailState.ledgerLimit), detailState.ledgerStatus) {
        case (_, .fetching):
            buffer.put(detail.ledger.isEmpty ? "fetching the ledger…" : "refreshing the ledger…", x: x, y: line, role: .pending)
        case (_, .failed(let reason)):
            buffer.put("ledger fetch failed: \(reason)", x: x, y: line, role: .error, maxColumns: width - x)
        case (let sum?, _) where sum == member.pointsAvailable:
            buffer.put(fitting("✓ the ledger sums to \(Format.points(sum)), the available balance",
                               or: "✓ the ledger sums to \(Format.points(sum))", width - x), x: x, y: line, role: .ok)
        case (let sum?, _):
            let available = Format.points(member.pointsAvailable)
            buffer.put(fitting("⚠ the ledger sums to \(Format.points(sum)), not \(available): r refetches",
                               or: "⚠ ledger \(Format.points(sum)) ≠ \(available): r", width - x),
                       x: x, y: line, role: .warn, maxColumns: width - x)
        case (nil, _):
            buffer.put("newest \(MemberDetailState.ledgerLimit) entries shown", x: x, y: line, role: .textDim)
        }
        line += 1
        buffer.put(" " + summary(redemptions: detail.redemptions), x: 0, y: line, maxColumns: width)
        line += 1
        buffer.put(" " + summary(reviews: detail.reviews), x: 0, y: line, maxColumns: width)
        line += 2
        let rows = Array(detailState.ledgerWithBalance(limit: MemberDetailState.ledgerLimit).dropFirst(detailState.scroll))
        // Each as wide as what it shows on screen, so the reference (free text) gets the rest.
        let points = rows.map { Self.signed($0.entry.points) }
        let balances = rows.map { Format.points($0.balance) }
        let columns: [Column<(entry: LedgerEntry, balance: Int)>] = [
            Column(title: "When", width: CellText.fit(rows.map { Self.when($0.entry.createdAt) }, title: "When"),
                   text: { Self.when($0.entry.createdAt) }),
            Column(title: "Kind", width: CellText.fit(rows.map(\.entry.kind.rawValue), title: "Kind", limit: 18),
                   text: { $0.entry.kind.rawValue }),
            Column(title: "Points", width: CellText.fit(points, title: "Points"), alignRight: true,
                   text: { Self.signed($0.entry.points) }, role: { $0.entry.points < 0 ? .warn : .ok }),
            Column(title: "Balance", width: CellText.fit(balances, title: "Balance"), alignRight: true,
                   text: { Format.points($0.balance) }),
            Column(title: "Reference", width: 0, text: { $0.entry.externalTransactionId ?? $0.entry.redemptionId ?? "" }),
        ]
        let empty: String
        switch detailState.ledgerStatus {
        case .fetching: empty = "Fetching the ledger…"
        case .failed: empty = "No ledger in the mirror; the fetch failed (r retries)."
        case .fetched: empty = "No ledger entries."
        }
        TableView.render(into: &buffer, columns: columns, rows: rows, selected: -1, x: 0, y: line, width: width,
                         height: max(2, y + height - line), emptyText: empty)
    }

    /// The sentence when the screen has room for it, the short form when it has not.
    static func fitting(_ sentence: String, or short: String, _ columns: Int) -> String {
        TextWidth.columns(sentence) <= columns ? sentence : short
    }

    static func summary(redemptions: [Redemption]) -> String {
        guard !redemptions.isEmpty else { return "Redemptions: none" }
        let pending = redemptions.filter { $0.status.isPending }
        var text = "Redemptions: \(redemptions.count)"
        if !pending.isEmpty {
            text += ", pending: " + pending.prefix(3).map {
                "\($0.id) \(Format.points($0.points)) pts \($0.status.rawValue)"
            }.joined(separator: "; ")
        }
        return text
    }

    static func summary(reviews: [Review]) -> String {
        guard !reviews.isEmpty else { return "Reviews: none" }
        let undecided = reviews.filter { $0.status != .approved }
        var text = "Reviews: \(reviews.count)"
        if !undecided.isEmpty {
            text += ", undecided: " + undecided.prefix(3).map {
                "\($0.id) \($0.status.rawValue) (\($0.reasonCode))"
            }.joined(separator: "; ")
        }
        return text
    }

    static func signed(_ points: Int) -> String { points > 0 ? "+" + Format.points(points) : Format.points(points) }

    static func when(_ timestamp: Timestamp) -> String {
        guard let date = timestamp.date else { return timestamp.raw }
        let text = RFC3339.format(date)
        return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}
