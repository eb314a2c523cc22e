import Foundation
import Terminal

/// The columns every pane of decided rows shares: the id, marked for a bulk decision, first;
/// the outcome of the last decision taken on the row last.
enum DecisionColumns {
    /// The row's id, with `● ` in front when it is marked.
    static func markedId<Row: DecidableRow>(_ rows: [Row], pane: PaneID, state: AppState) -> Column<Row> {
        let marks = state.marks[pane] ?? [:]
        return Column(title: "ID", width: IDWidth.of(rows.map(\.rowId)) + (marks.isEmpty ? 0 : 2), dropping: .never,
                      text: { (marks[$0.rowId] != nil ? "● " : "") + $0.rowId },
                      role: { marks[$0.rowId] != nil ? .rowMarked : nil })
    }

    /// `⏳ sends in 4s`, `⋯ approving`, `✓ approved`, `✗ version_conflict`. A refusal keeps its
    /// `✗` while it is held (see `HeldRefusal`), though the winner's version has arrived.
    /// 14 columns, wider when a label on screen needs it (a refusal's code is the part worth reading).
    static func outcome<Row: DecidableRow>(_ rows: [Row], state: AppState) -> Column<Row> {
        let outbox = state.outbox
        let now = state.now
        let held = state.heldRefusals
        func label(_ row: Row) -> (String, StyleRole)? {
            if let refusal = held[row.rowId], outbox[row.rowId].map({ !$0.isPending }) ?? true {
                return ("✗ \(refusal.code)", .error)
            }
            return OutboxLabel.text(outbox[row.rowId], rowVersion: row.rowVersion, now: now)
        }
        let labels = rows.compactMap { label($0)?.0 }
        return Column(title: "Action", width: max(14, CellText.fit(labels, title: "Action", limit: 34)), dropping: .never,
                      text: { label($0)?.0 ?? "" }, role: { label($0)?.1 })
    }
}
