import Mirror
import Terminal

extension ErrorLogView {
    /// What the pane says for a code it has no advice for; the code itself is shown as sent.
    static let noGuidance = "no guidance for this code; shown as the server sent it"

    /// The line above the status bar on this pane: where we are, the filters, the keys.
    static func messageLine(_ state: AppState) -> String {
        let log = state.errorLog
        let source = log.source == .platform ? "Platform logs" : "This console's calls"
        let filters = "retryable \(retryableLabel(log.retryable)) · status \(statusLabel(log.status))"
        switch log.mode {
        case .groups:
            let cut = log.groupsTruncated ? " · the \(log.groups.count) most active codes" : ""
            return "\(source) · \(filters)\(cut) — Enter open · s status · f retryable · c source"
        case .rows:
            return "\(source) › \(log.code ?? "") · \(filters) — Enter detail · Esc back"
        case .detail:
            return "\(source) › \(log.code ?? "") — j/k next/previous · PgDn/PgUp scroll · Esc back"
        }
    }

    static func retryableLabel(_ retryable: Bool?) -> String {
        switch retryable {
        case nil: return "all"
        case true?: return "yes"
        case false?: return "no"
        }
    }

    static func statusLabel(_ status: HTTPStatusFilter) -> String {
        switch status {
        case .any: return "all"
        case .clientErrors: return "4xx"
        case .serverErrors: return "5xx"
        case .noResponse: return "none"
        }
    }
}
