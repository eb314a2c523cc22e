import Foundation
import Mirror
import RewardsContract
import Terminal

/// `:audit`: every decision taken from this console, newest first, with its outcome.
enum AuditView {
    static func render(_ entries: [AuditEntry], state: AppState, into buffer: inout ScreenBuffer, y: Int, height: Int) {
        buffer.fill(x: 0, y: y, width: state.columns, height: height, role: .text)
        let columns: [Column<AuditEntry>] = [
            Column(title: "When (UTC)", width: 19, text: {
                RFC3339.format($0.at).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            }),
            Column(title: "Profile", width: 10, text: { $0.profile ?? "—" }),
            Column(title: "Key", width: 14, text: { $0.keyId }),
            Column(title: "Action", width: 8, text: { $0.verb }),
            Column(title: "Item", width: 18, text: { $0.objectId }),
            Column(title: "Result", width: 10, text: { $0.result }, role: { entry in
                switch entry.result {
                case "delivered": return .ok
                case "failed": return .error
                case "withdrawn": return .textDim
                default: return .pending
                }
            }),
            Column(title: "Code / request", width: 0, text: { entry in
                [entry.code, entry.requestId].compactMap { $0 }.joined(separator: " ")
            }),
            Column(title: "Note", width: 0, text: { $0.note ?? "" }),
        ]
        TableView.render(into: &buffer, columns: columns, rows: entries, selected: -1, x: 0, y: y, width: state.columns,
                         height: height, emptyText: "No decisions taken from this mirror yet. (Esc closes)")
    }
}
